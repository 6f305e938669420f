package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Int8PerChannel;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.inference.quant.Uint8Affine;
import dev.dawn.workloads.precision.Precision;

/**
 * What a correct INT8 kernel computes, in double, as dawn's INT8 graph defines it: the conv of its
 * (quantized) input with the dequantized weights, clipped to the calibrated output range. The
 * quantization the graph intends (weights to 127 or 63 levels, a float input onto its grid, the
 * output onto its grid) is part of the reference, not an error; a kernel may add half an output
 * step of rounding (allowed one step for ties and float32 scales) and the float32 bias's rounding
 * to the accumulator's scale. A float input quantized inside the layer may move by half an input
 * step.
 */
final class Int8Reference {
  private static final ReferenceLayers FLOAT32 = new ReferenceLayers(Precision.FP32);

  private Int8Reference() {}

  /** A float input as the layer reads it quantized over [0, max] (SCALED quint8). */
  static Expected quantizedInput(Expected x, ActivationRange range) {
    return onGrid(x, 0, range.amax(), range.amax() / Uint8Affine.LEVELS);
  }

  /** A signed float input as MIN_FIRST quantization reads it, shifted back. */
  static Expected shiftedInput(Expected x, ActivationRange range) {
    return onGrid(x, range.min(), range.max(), (range.max() - range.min()) / Uint8Affine.LEVELS);
  }

  /**
   * The conv with the weights the kernel multiplies by, requantized to {@code out}: quint8 over [0,
   * amax] after a ReLU, qint8 over [-amax, amax] (127 levels a side) without.
   *
   * @param inStep the quantization step of the input the kernel reads
   */
  static Expected conv(
      Expected in, FoldedConv c, Int8Weights weights, ActivationRange out, double inStep) {
    Int8PerChannel q = Int8PerChannel.ofKernel(c.kernel(), c.out(), weights);
    return requantized(FLOAT32.conv(in, dequantized(c, q)), out, c.relu(), q, inStep);
  }

  /** The grid step of a quint8 tensor over [0, amax]. */
  static double step(ActivationRange range) {
    return range.amax() / Uint8Affine.LEVELS;
  }

  /**
   * A conv on signed float input: SAME padding is added by hand before the shift and quantization
   * (zeros land on the grid within half a step), then the conv runs VALID.
   */
  static Expected signedInputConv(
      Expected x, FoldedConv c, Int8Weights weights, ActivationRange in, ActivationRange out) {
    double step = (in.max() - in.min()) / Uint8Affine.LEVELS;
    Expected padded = c.padding() == Padding.SAME ? padSame(x, c, step / 2) : x;
    FoldedConv valid =
        new FoldedConv(
            c.name(),
            c.kernel(),
            c.bias(),
            c.kh(),
            c.kw(),
            c.in(),
            c.out(),
            c.stride(),
            Padding.VALID,
            c.relu());
    return conv(shiftedInput(padded, in), valid, weights, out, step);
  }

  /** {@code relu(conv(y) + shortcut)} requantized to quint8 over [0, amax]. */
  static Expected convAddRelu(
      Expected y,
      FoldedConv last,
      Expected shortcut,
      Int8Weights weights,
      ActivationRange out,
      double inStep) {
    Int8PerChannel q = Int8PerChannel.ofKernel(last.kernel(), last.out(), weights);
    Expected sum = FLOAT32.addRelu(FLOAT32.conv(y, dequantized(last, q)), shortcut);
    return requantized(sum, out, true, q, inStep);
  }

  static FoldedConv dequantized(FoldedConv c, Int8PerChannel q) {
    float[] k = c.kernel();
    float[] w = new float[k.length];
    for (int i = 0; i < k.length; i++) {
      int ch = i % c.out();
      w[i] = q.dequantize(q.quantize(k[i], ch), ch);
    }
    return new FoldedConv(
        c.name(), w, c.bias(), c.kh(), c.kw(), c.in(), c.out(), c.stride(), c.padding(), c.relu());
  }

  /**
   * Clipped to the output range; the bound adds one output step and, per channel, the float32
   * bias's rounding to the accumulator's scale (input step times weight step).
   */
  static Expected requantized(
      Expected exact, ActivationRange range, boolean unsigned, Int8PerChannel q, double inStep) {
    double amax = range.amax();
    double lo = unsigned ? 0 : -amax;
    double step = amax / (unsigned ? 255.0 : 127.0);
    Nhwc s = exact.value();
    double[] v = s.v().clone();
    double[] bound = exact.bound().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(lo, Math.min(amax, v[i]));
      bound[i] += step + inStep * q.scale(i % s.c());
    }
    return new Expected(new Nhwc(s.n(), s.h(), s.w(), s.c(), v), bound);
  }

  /** Values clipped to [lo, hi], each allowed half a step of rounding onto the grid. */
  private static Expected onGrid(Expected x, double lo, double hi, double step) {
    Nhwc s = x.value();
    double[] v = s.v().clone();
    double[] bound = x.bound().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(lo, Math.min(hi, v[i]));
      bound[i] += step / 2;
    }
    return new Expected(new Nhwc(s.n(), s.h(), s.w(), s.c(), v), bound);
  }

  /**
   * Zero padding as TF's SAME adds it (the odd pixel after), each pad value off by {@code
   * padError}.
   */
  static Expected padSame(Expected x, FoldedConv c, double padError) {
    Nhwc s = x.value();
    int oh = ReferenceLayers.outSize(s.h(), c.kh(), c.stride(), Padding.SAME);
    int ow = ReferenceLayers.outSize(s.w(), c.kw(), c.stride(), Padding.SAME);
    int top = ReferenceLayers.padBefore(s.h(), oh, c.kh(), c.stride(), Padding.SAME);
    int left = ReferenceLayers.padBefore(s.w(), ow, c.kw(), c.stride(), Padding.SAME);
    int h = Math.max((oh - 1) * c.stride() + c.kh(), s.h());
    int w = Math.max((ow - 1) * c.stride() + c.kw(), s.w());
    double[] v = new double[s.n() * h * w * s.c()];
    double[] bound = new double[v.length];
    java.util.Arrays.fill(bound, padError);
    Nhwc p = new Nhwc(s.n(), h, w, s.c(), v);
    for (int b = 0; b < s.n(); b++) {
      for (int y = 0; y < s.h(); y++) {
        for (int xx = 0; xx < s.w(); xx++) {
          for (int ch = 0; ch < s.c(); ch++) {
            int to = p.index(b, y + top, xx + left, ch);
            int from = s.index(b, y, xx, ch);
            v[to] = s.v()[from];
            bound[to] = x.bound()[from];
          }
        }
      }
    }
    return new Expected(p, bound);
  }
}
