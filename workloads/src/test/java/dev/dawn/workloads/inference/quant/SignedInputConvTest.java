package dev.dawn.workloads.inference.quant;

import static org.assertj.core.api.Assertions.assertThat;

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

class SignedInputConvTest {

  @Test
  void tfSamePaddingPutsTheOddPixelAfter() {
    assertThat(SignedInputConv.samePads(224, 7, 2)).containsExactly(2, 3);
    assertThat(SignedInputConv.samePads(32, 3, 1)).containsExactly(1, 1);
    assertThat(SignedInputConv.samePads(8, 1, 2)).containsExactly(0, 0);
  }

  /** A stride-2 7x7 stem on signed input, borders included, matches FP32 to quantization error. */
  @Test
  void theShiftFoldedIntoTheBiasKeepsSignedInputExactUpToRounding() {
    int hw = 15; // odd: SAME pads unevenly
    FoldedConv stem = new RandomFoldedNets(3).conv("stem", 7, 3, 16, 2, true);
    Random rnd = new Random(1);
    float[] pixels = new float[2 * hw * hw * 3];
    for (int i = 0; i < pixels.length; i++) pixels[i] = (float) (rnd.nextFloat() * 4.0 - 2.0);
    try (Graph g = new Graph();
        Session s = new Session(g);
        TFloat32 in =
            TFloat32.tensorOf(Shape.of(2, hw, hw, 3), DataBuffers.of(pixels, true, false))) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hw, hw, 3)));
      Operand<TFloat32> ref = new NetLayers(tf).conv(x, stem);
      float[] want = fetch(s, x, in, ref);
      float max = 0;
      for (float v : want) max = Math.max(max, v);
      Int8ConvBuilder q = new Int8ConvBuilder(tf, HostNumerics.int8Weights());
      Operand<TFloat32> got =
          q.dequantize(
              SignedInputConv.build(
                  tf, q, x, new ActivationRange(-2f, 2f), stem, new ActivationRange(0f, max)),
              "out");
      float[] have = fetch(s, x, in, got);
      assertThat(have).hasSameSizeAs(want);
      // input step 4/255 (zero padding included), per-channel weight steps, output step max/255
      double[] bound = QuantizationBound.conv(stem, pixels, 2, hw, 4f / 255, max / 255);
      double worst = 0;
      for (int i = 0; i < want.length; i++) {
        worst = Math.max(worst, Math.abs(want[i] - have[i]) / bound[i]);
      }
      assertThat(worst).isLessThanOrEqualTo(1.0);
    }
  }

  private static float[] fetch(Session s, Operand<TFloat32> x, TFloat32 in, Operand<TFloat32> y) {
    try (Result r = s.runner().feed(x, in).fetch(y).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] v = new float[(int) t.size()];
      t.asRawTensor().data().asFloats().read(v);
      return v;
    }
  }
}
