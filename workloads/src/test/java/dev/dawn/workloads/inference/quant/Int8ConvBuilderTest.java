package dev.dawn.workloads.inference.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.latency.LatencyStats;
import dev.dawn.workloads.inference.BareSessionLoop;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.NetLayers;
import dev.dawn.workloads.inference.net.RandomFoldedNets;
import dev.dawn.workloads.numerics.HostNumerics;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class Int8ConvBuilderTest {
  private static float[] run(
      Session s, Operand<TFloat32> x, float[] input, Shape shape, Operand<TFloat32> y, int n) {
    try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(input, true, false));
        Result r = s.runner().feed(x, t).fetch(y).run()) {
      float[] out = new float[n];
      ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  /** What a conv sees after a ReLU: half zeros, half |N(0, 1)|. */
  private static float[] reluActivations(int n, Random rnd) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) Math.max(0, rnd.nextGaussian());
    }
    return v;
  }

  private static float maxAbs(float[] v) {
    float m = 0;
    for (float f : v) {
      m = Math.max(m, Math.abs(f));
    }
    return m;
  }

  /**
   * One layer in FP32 and INT8 on the same input; returns {fp32 ms, int8 ms} at batch 1 when timed.
   */
  private static void compare(int hw, int c, boolean relu, boolean time) {
    FoldedConv layer = new RandomFoldedNets(42).conv("conv", 3, c, c, 1, relu);
    Shape shape = Shape.of(1, hw, hw, c);
    float[] input = reluActivations(hw * hw * c, new Random(43));
    int n = hw * hw * c;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      Operand<TFloat32> fp32 = new NetLayers(tf).conv(x, layer);
      try (Session s = new Session(g)) {
        float[] ref = run(s, x, input, shape, fp32, n);
        float inMax = maxAbs(input);
        float outAmax = maxAbs(ref);
        Int8ConvBuilder q = new Int8ConvBuilder(tf, HostNumerics.int8Weights());
        QuantizedActivation qin = q.quantize(x, new ActivationRange(0f, inMax), "qin");
        Operand<TFloat32> int8 =
            q.dequantize(
                q.conv(qin, layer, new ActivationRange(relu ? 0f : -outAmax, outAmax)), "deq");
        try (Session s2 = new Session(g)) {
          float[] got = run(s2, x, input, shape, int8, n);
          // What quantization may cost, element by element: the input rounded to its grid (half
          // a step times sum |w|), the weights rounded to theirs (sum |x| times half the channel's
          // step), the output rounded to its grid (allowed one step): the arithmetic, not a figure
          // from one machine. 8-bit or 7-bit weights, whichever this host computes right.
          double[] bound =
              QuantizationBound.conv(
                  layer, input, 1, hw, inMax / 255f, outAmax / (relu ? 255f : 127f));
          double worst = 0;
          double sumErr = 0;
          for (int i = 0; i < n; i++) {
            double err = Math.abs(got[i] - ref[i]);
            worst = Math.max(worst, err / bound[i]);
            sumErr += err;
          }
          float outStep = outAmax / (relu ? 255f : 127f);
          System.out.printf(
              "int8 conv %dx%dx%d relu=%s (%s weights): mean|err| %.2f output steps, worst"
                  + " %.2f of its bound%n",
              hw, hw, c, relu, HostNumerics.int8Weights().label(), sumErr / n / outStep, worst);
          assertThat(worst).isLessThanOrEqualTo(1.0);
          if (time) {
            try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(input, true, false))) {
              LatencyStats f = LatencyStats.of(BareSessionLoop.time(s2, x, t, fp32, 20, 200));
              LatencyStats i8 = LatencyStats.of(BareSessionLoop.time(s2, x, t, int8, 20, 200));
              System.out.printf(
                  "56x56x64 3x3 b1: fp32 p50 %.3f ms, int8 (QuantizeV2+fused conv+Dequantize) p50 %.3f ms,"
                      + " speed-up %.2fx%n",
                  f.p50Ms(), i8.p50Ms(), f.p50Ms() / i8.p50Ms());
            }
          }
        }
      }
    }
  }

  @Test
  void reluConvAgreesWithFp32WithinItsQuantizationBound() {
    compare(56, 64, true, Boolean.getBoolean("dawn.timing"));
  }

  @Test
  void signedOutputConvWithoutRelu() {
    compare(14, 32, false, false);
  }
}
