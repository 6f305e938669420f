package dev.dawn.workloads.inference.quant;

/**
 * Asymmetric (affine) uint8 quantization of activations: {@code q = clamp(rint(x / scale) +
 * zeroPoint, 0, 255)}, {@code x' = (q - zeroPoint) * scale}. The range is widened to contain 0 so
 * that zero (padding, ReLU output) is exact.
 *
 * <p>Rounding is half-to-even ({@link Math#rint}), which is symmetric around 0; with {@code
 * zeroPoint = rint(-min / scale)} every x in [min, max] then maps into 0..255 without clamping, so
 * the round trip error is at most half a step. TF's oneDNN quantized conv reads a quint8 input as
 * {@code q * max / 255}, i.e. this with zeroPoint 0, which is exact for post-ReLU activations
 * ({@code min = 0}).
 */
public record Uint8Affine(float scale, int zeroPoint) {
  public static final int LEVELS = 255;

  public Uint8Affine {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("uint8 scale must be finite and > 0, got " + scale);
    }
    if (zeroPoint < 0 || zeroPoint > LEVELS) {
      throw new IllegalArgumentException("uint8 zeroPoint must be in 0..255, got " + zeroPoint);
    }
  }

  /**
   * Params covering [min, max] widened to include 0; a degenerate range gets scale 1 so nothing
   * divides by 0.
   */
  public static Uint8Affine forRange(float min, float max) {
    if (Float.isNaN(min) || Float.isNaN(max) || min > max) {
      throw new IllegalArgumentException(
          "activation range must satisfy min <= max, got [" + min + ", " + max + "]");
    }
    float lo = Math.min(min, 0f);
    float hi = Math.max(max, 0f);
    if (hi == lo) {
      return new Uint8Affine(1f, 0);
    }
    float scale = (hi - lo) / LEVELS;
    int zp = (int) Math.rint(-lo / scale);
    return new Uint8Affine(scale, Math.max(0, Math.min(LEVELS, zp)));
  }

  public int quantize(float x) {
    long q = (long) Math.rint(x / scale) + zeroPoint;
    return (int) Math.max(0, Math.min(LEVELS, q));
  }

  public float dequantize(int q) {
    return (q - zeroPoint) * scale;
  }

  /** Smallest and largest representable values. */
  public float representableMin() {
    return dequantize(0);
  }

  public float representableMax() {
    return dequantize(LEVELS);
  }
}
