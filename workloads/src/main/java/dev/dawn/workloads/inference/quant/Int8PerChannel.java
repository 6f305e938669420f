package dev.dawn.workloads.inference.quant;

/**
 * Symmetric per-output-channel int8 quantization of conv/dense weights (TensorRT and oneDNN
 * default): {@code scale[c] = maxAbs[c] / L}, {@code q = clamp(rint(w / scale[c]), -L, L)}, zero
 * point 0, with {@code L} = 127, or 63 where the host's INT8 kernels need 7-bit weights ({@link
 * Int8Weights}). The narrow range (no -128) keeps the grid symmetric. oneDNN reads a qint8 filter
 * as {@code q * max_filter[c] / 127} whatever {@code L} is, so {@code max_filter[c] = scale[c] *
 * 127}.
 */
public final class Int8PerChannel {
  private final float[] maxAbs;
  private final float[] scales;
  private final int maxLevel;

  private Int8PerChannel(float[] maxAbs, Int8Weights weights) {
    this.maxAbs = maxAbs;
    this.maxLevel = weights.maxLevel();
    this.scales = new float[maxAbs.length];
    for (int c = 0; c < maxAbs.length; c++) {
      // An all-zero channel gets scale 1: every weight quantizes to 0 exactly and nothing divides
      // by 0.
      scales[c] = maxAbs[c] > 0 ? maxAbs[c] / maxLevel : 1f;
    }
  }

  /**
   * Per-channel params of a kernel stored with the output channel last (HWIO for conv, [in, out]
   * for dense), so element {@code i} belongs to channel {@code i % outChannels}.
   */
  public static Int8PerChannel ofKernel(float[] kernel, int outChannels, Int8Weights weights) {
    if (outChannels <= 0 || kernel.length % outChannels != 0) {
      throw new IllegalArgumentException(
          "kernel of "
              + kernel.length
              + " floats is not divisible into "
              + outChannels
              + " output channels");
    }
    float[] m = new float[outChannels];
    for (int i = 0; i < kernel.length; i++) {
      float a = Math.abs(kernel[i]);
      if (Float.isNaN(a) || Float.isInfinite(a)) {
        throw new IllegalArgumentException("kernel element " + i + " is not finite: " + kernel[i]);
      }
      int c = i % outChannels;
      if (a > m[c]) {
        m[c] = a;
      }
    }
    return new Int8PerChannel(m, weights);
  }

  public int channels() {
    return scales.length;
  }

  public float scale(int channel) {
    return scales[channel];
  }

  /** {@code max(|w|)} of a channel (0 for an all-zero channel). */
  public float maxAbs(int channel) {
    return maxAbs[channel];
  }

  public byte quantize(float w, int channel) {
    long q = (long) Math.rint(w / scales[channel]);
    return (byte) Math.max(-maxLevel, Math.min(maxLevel, q));
  }

  public float dequantize(byte q, int channel) {
    return q * scales[channel];
  }

  /** Quantizes a whole output-channel-last kernel. */
  public byte[] quantizeKernel(float[] kernel) {
    if (kernel.length % scales.length != 0) {
      throw new IllegalArgumentException(
          "kernel of "
              + kernel.length
              + " floats does not match "
              + scales.length
              + " output channels");
    }
    byte[] q = new byte[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      q[i] = quantize(kernel[i], i % scales.length);
    }
    return q;
  }

  /** {@code -maxAbs[c]} per channel: the oneDNN {@code min_filter} vector. */
  public float[] minFilter() {
    float[] v = new float[maxAbs.length];
    for (int c = 0; c < v.length; c++) {
      v[c] = -filterRange(c);
    }
    return v;
  }

  /** {@code maxAbs[c]} per channel: the oneDNN {@code max_filter} vector. */
  public float[] maxFilter() {
    float[] v = new float[maxAbs.length];
    for (int c = 0; c < v.length; c++) {
      v[c] = filterRange(c);
    }
    return v;
  }

  private float filterRange(int c) {
    return scales[c] * 127; // oneDNN reads a qint8 filter as q * max_filter / 127
  }
}
