package dev.dawn.workloads.inference.quant;

/**
 * The full observed range (TensorRT's MinMax calibrator): no clipping, so outliers stretch the step
 * size.
 */
public final class MinMaxCalibrator implements ActivationCalibrator {
  private float min = Float.POSITIVE_INFINITY;
  private float max = Float.NEGATIVE_INFINITY;

  @Override
  public void observe(float[] values) {
    for (float v : values) {
      if (Float.isNaN(v)) {
        throw new IllegalArgumentException("calibration activations must not contain NaN");
      }
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }
  }

  @Override
  public ActivationRange range() {
    if (min > max) {
      throw new IllegalStateException("min-max calibrator has observed no values");
    }
    return new ActivationRange(min, max);
  }
}
