package dev.dawn.workloads.inference.quant;

/**
 * Symmetric per-output-channel int8 quantization of conv/dense weights (TensorRT and oneDNN
 * default): {@code scale[c] = maxAbs[c] / 127}, {@code q = clamp(rint(w / scale[c]), -127, 127)},
 * zero point 0. The narrow range (no -128) keeps the grid symmetric. oneDNN reads a qint8 filter
 * with {@code min_filter[c] = -maxAbs[c]}, {@code max_filter[c] = maxAbs[c]} the same way.
 */
public final class Int8PerChannel {
  public static final int MAX_LEVEL = 127;

  private final float[] maxAbs;
  private final float[] scales;

  private Int8PerChannel(float[] maxAbs) {
    this.maxAbs = maxAbs;
    this.scales = new float[maxAbs.length];
    for (int c = 0; c < maxAbs.length; c++) {
      // An all-zero channel gets scale 1: every weight quantizes to 0 exactly and nothing divides
      // by 0.
      scales[c] = maxAbs[c] > 0 ? maxAbs[c] / MAX_LEVEL : 1f;
    }
  }

  /**
   * Per-channel params of a kernel stored with the output channel last (HWIO for conv, [in, out]
   * for dense), so element {@code i} belongs to channel {@code i % outChannels}.
   */
  public static Int8PerChannel ofKernel(float[] kernel, int outChannels) {
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
    return new Int8PerChannel(m);
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
    return (byte) Math.max(-MAX_LEVEL, Math.min(MAX_LEVEL, q));
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
