package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.Padding;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An INT8 conv on signed float input (the normalised image). oneDNN reads quint8 as {@code q * max
 * / 255}, with no zero point, so the input is shifted by {@code -min} to be non-negative and the
 * shift is folded into the bias: {@code conv(x) = conv(x - min) + min * sum(W)} per output channel.
 * SAME padding is applied explicitly before the shift (zeros in x, which become {@code -min} after
 * it) and the conv runs VALID, so border outputs stay exact too.
 */
final class SignedInputConv {
  private SignedInputConv() {}

  /**
   * The quantized conv's output for float input {@code x} of calibrated range {@code in} ({@code
   * in.min() < 0}).
   */
  static QuantizedActivation build(
      Ops tf,
      Int8ConvBuilder q,
      Operand<TFloat32> x,
      ActivationRange in,
      FoldedConv c,
      ActivationRange out) {
    long h = x.shape().get(1);
    long w = x.shape().get(2);
    if (h < 0 || w < 0) {
      throw new IllegalArgumentException(
          "conv " + c.name() + ": INT8 on signed input needs a static height and width");
    }
    Operand<TFloat32> padded = x;
    if (c.padding() == Padding.SAME) {
      int[] ph = samePads(h, c.kh(), c.stride());
      int[] pw = samePads(w, c.kw(), c.stride());
      padded = tf.pad(x, tf.constant(new int[][] {{0, 0}, ph, pw, {0, 0}}), tf.constant(0f));
    }
    return onShiftedInput(q, q.quantizeShifted(padded, in, "quantize_" + c.name()), in, c, out);
  }

  /**
   * The conv on its input already padded, shifted and quantized as {@link #build} does it (quint8
   * over {@code [0, in.max() - in.min()]}).
   */
  static QuantizedActivation onShiftedInput(
      Int8ConvBuilder q,
      QuantizedActivation shifted,
      ActivationRange in,
      FoldedConv c,
      ActivationRange out) {
    return q.conv(shifted, shiftedBias(c, in.min(), q.weights()), out);
  }

  /** The size {@link #build} pads an input of {@code size} pixels to along one axis. */
  static int paddedSize(int size, int kernel, int stride, Padding padding) {
    if (padding != Padding.SAME) {
      return size;
    }
    int[] pads = samePads(size, kernel, stride);
    return size + pads[0] + pads[1];
  }

  /**
   * The same conv, VALID, with {@code bias + min * sum(W)} per output channel, {@code W} being the
   * quantized weights the kernel multiplies by (with the float weights the shift would be off by
   * {@code min} times the channel's summed rounding errors).
   */
  static FoldedConv shiftedBias(FoldedConv c, float min, Int8Weights weights) {
    float[] bias = c.bias().clone();
    float[] k = c.kernel(); // HWIO: output channel is the fastest index
    Int8PerChannel quantized = Int8PerChannel.ofKernel(k, c.out(), weights);
    double[] sums = new double[c.out()];
    for (int i = 0; i < k.length; i++) {
      int ch = i % c.out();
      sums[ch] += quantized.dequantize(quantized.quantize(k[i], ch), ch);
    }
    for (int o = 0; o < bias.length; o++) bias[o] += (float) (min * sums[o]);
    return new FoldedConv(
        c.name(), k, bias, c.kh(), c.kw(), c.in(), c.out(), c.stride(), Padding.VALID, c.relu());
  }

  /** TF's SAME padding: output ceil(size / stride), the odd pixel of padding after. */
  static int[] samePads(long size, int kernel, int stride) {
    long outSize = (size + stride - 1) / stride;
    int total = (int) Math.max((outSize - 1) * stride + kernel - size, 0);
    return new int[] {total / 2, total - total / 2};
  }
}
