package dev.dawn.workloads.inference.quant;

/** A calibrated activation range; {@code min == 0} for non-negative (post-ReLU) activations. */
public record ActivationRange(float min, float max) {
  public ActivationRange {
    if (Float.isNaN(min) || Float.isNaN(max) || min > max) {
      throw new IllegalArgumentException(
          "activation range must satisfy min <= max, got [" + min + ", " + max + "]");
    }
  }

  public Uint8Affine uint8() {
    return Uint8Affine.forRange(min, max);
  }

  /** The symmetric clip value {@code max(|min|, |max|)}. */
  public float amax() {
    return Math.max(Math.abs(min), Math.abs(max));
  }
}
