package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.numerics.Expected;
import dev.dawn.workloads.numerics.HostNumerics;
import dev.dawn.workloads.numerics.Nhwc;
import dev.dawn.workloads.numerics.ReferenceLayers;
import dev.dawn.workloads.precision.Precision;

/**
 * How far an INT8 conv may land from the float32 conv, element by element, from the arithmetic of
 * quantization: the input rounded to its grid (half a step times the channel's sum of |w| over the
 * whole window, padding included), the weights rounded to theirs (sum |x| times half the channel's
 * weight step, with the weights this host computes right) and the output rounded to its grid
 * (allowed one step).
 */
final class QuantizationBound {
  private QuantizationBound() {}

  /**
   * @param input NHWC, {@code batch x hw x hw x layer.in()}
   */
  static double[] conv(
      FoldedConv layer, float[] input, int batch, int hw, float inStep, float outStep) {
    Int8PerChannel w =
        Int8PerChannel.ofKernel(layer.kernel(), layer.out(), HostNumerics.int8Weights());
    float[] halfStep = new float[layer.kernel().length];
    double[] inputPart = new double[layer.out()];
    for (int i = 0; i < halfStep.length; i++) {
      halfStep[i] = w.scale(i % layer.out()) / 2;
      inputPart[i % layer.out()] += Math.abs(layer.kernel()[i]) * inStep / 2;
    }
    double[] absX = new double[input.length];
    for (int i = 0; i < absX.length; i++) {
      absX[i] = Math.abs(input[i]);
    }
    FoldedConv sumOfTerms =
        new FoldedConv(
            layer.name(),
            halfStep,
            new float[layer.out()],
            layer.kh(),
            layer.kw(),
            layer.in(),
            layer.out(),
            layer.stride(),
            layer.padding(),
            false);
    double[] weightsPart =
        new ReferenceLayers(Precision.FP32)
            .conv(Expected.exact(new Nhwc(batch, hw, hw, layer.in(), absX)), sumOfTerms)
            .value()
            .v();
    double[] bound = new double[weightsPart.length];
    for (int i = 0; i < bound.length; i++) {
      bound[i] = weightsPart[i] + inputPart[i % layer.out()] + outStep;
    }
    return bound;
  }
}
