package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.ResidualBlock;

/**
 * A projection block's sum {@code relu(last(y) + projection(x))} in the form oneDNN fuses into one
 * INT8 kernel. Both branches are signed, and the sum kernel needs an unsigned summand: TF 2.18's
 * {@code ...SignedSumAndReluAndRequantize} reads a qint8 summand's bytes as quint8, so negative
 * values come out wrong. So the shortcut is computed shifted by {@code s = -min} of its calibrated
 * range: the projection's bias gains {@code s} and a ReLU (which only clips what lies below the
 * calibrated minimum, as a quantizer saturates there), giving quint8 over {@code [0, max + s]}; the
 * last conv's bias loses {@code s}. {@code relu((last(y) - s) + (projection(x) + s))} is the
 * block's sum exactly, computed by the same unsigned-summand kernel as an identity block, and both
 * branches stay INT8 up to the block output: no dequantize, float add and requantize between them.
 *
 * @param projection the shortcut conv with bias {@code + shift} and ReLU
 * @param last the main path's last conv with bias {@code - shift}
 * @param shortcutRange the shifted shortcut's range, {@code [0, max + shift]}
 * @param shift {@code s >= 0}
 */
public record ShiftedShortcut(
    FoldedConv projection, FoldedConv last, ActivationRange shortcutRange, float shift) {

  /**
   * @param projectionRange the calibrated range of the projection conv's (signed) output
   */
  public static ShiftedShortcut of(ResidualBlock block, ActivationRange projectionRange) {
    if (block.projection() == null) {
      throw new IllegalArgumentException(
          "residual block " + block.name() + " has an identity shortcut: nothing to shift");
    }
    float shift = Math.max(0f, -projectionRange.min());
    FoldedConv last = block.main().get(block.main().size() - 1);
    return new ShiftedShortcut(
        withBias(block.projection(), shift, true),
        withBias(last, -shift, false),
        new ActivationRange(0f, projectionRange.max() + shift),
        shift);
  }

  private static FoldedConv withBias(FoldedConv c, float delta, boolean relu) {
    float[] bias = c.bias().clone();
    for (int i = 0; i < bias.length; i++) bias[i] += delta;
    return new FoldedConv(
        c.name(), c.kernel(), bias, c.kh(), c.kw(), c.in(), c.out(), c.stride(), c.padding(), relu);
  }
}
