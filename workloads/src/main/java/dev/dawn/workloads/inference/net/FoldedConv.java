package dev.dawn.workloads.inference.net;

/**
 * A conv layer with batch norm already folded into {@code kernel} and {@code bias}, ready for
 * inference.
 *
 * @param name layer name, used for graph op names and error messages
 * @param kernel HWIO weights, length {@code kh * kw * in * out}
 * @param bias per output channel, length {@code out}
 * @param relu whether a ReLU follows (in a residual block's last conv, the ReLU comes after the add
 *     instead)
 */
public record FoldedConv(
    String name,
    float[] kernel,
    float[] bias,
    int kh,
    int kw,
    int in,
    int out,
    int stride,
    Padding padding,
    boolean relu)
    implements LayerSpec {
  public FoldedConv {
    if (kh < 1 || kw < 1 || in < 1 || out < 1 || stride < 1) {
      throw new IllegalArgumentException(
          "conv "
              + name
              + ": kh, kw, in, out, stride must be >= 1, got "
              + kh
              + ","
              + kw
              + ","
              + in
              + ","
              + out
              + ","
              + stride);
    }
    if (kernel.length != (long) kh * kw * in * out) {
      throw new IllegalArgumentException(
          "conv "
              + name
              + ": kernel has "
              + kernel.length
              + " floats, HWIO "
              + kh
              + "x"
              + kw
              + "x"
              + in
              + "x"
              + out
              + " needs "
              + ((long) kh * kw * in * out));
    }
    if (bias.length != out) {
      throw new IllegalArgumentException(
          "conv " + name + ": bias has " + bias.length + " values, expected " + out);
    }
  }
}
