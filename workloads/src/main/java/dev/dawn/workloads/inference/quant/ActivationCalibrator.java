package dev.dawn.workloads.inference.quant;

/**
 * Collects activation values from calibration batches and chooses the range one tensor is quantized
 * to.
 */
public interface ActivationCalibrator {
  /** Adds one batch of activation values. */
  void observe(float[] values);

  /** The chosen range; throws if nothing was observed. */
  ActivationRange range();
}
