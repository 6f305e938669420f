package dev.dawn.workloads.inference.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.TinyFoldedNets;
import dev.dawn.workloads.numerics.HostNumerics;
import dev.dawn.workloads.numerics.Int8NetLayerCheck;
import dev.dawn.workloads.numerics.NetOutcome;
import dev.dawn.workloads.numerics.Nhwc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class Int8GraphBuilderTest {
  private static final int HW = 16;
  private static final int CLASSES = 10;

  private static FoldedNet tinyNet(boolean averageDown) {
    return TinyFoldedNets.resnet(HW, CLASSES, averageDown);
  }

  private static TFloat32 images(int n, long seed) {
    Random rnd = new Random(seed);
    float[] v = new float[n * HW * HW * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return TFloat32.tensorOf(Shape.of(n, HW, HW, 3), DataBuffers.of(v, true, false));
  }

  private static float[] fetch(Session s, Operand<TFloat32> x, TFloat32 in, Operand<TFloat32> y) {
    try (Result r = s.runner().feed(x, in).fetch(y).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] v = new float[(int) t.size()];
      t.asRawTensor().data().asFloats().read(v);
      return v;
    }
  }

  @ParameterizedTest(name = "average-pool shortcut {0}")
  @ValueSource(booleans = {false, true})
  void int8GraphTracksTheFp32ConstantGraph(boolean averageDown) {
    FoldedNet net = tinyNet(averageDown);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, HW, HW, 3)));
      NetGraph fp = NetGraph.build(tf, x, net);
      Map<String, ActivationRange> ranges;
      List<TFloat32> calib = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calib.add(images(8, 100 + i));
      }
      try (Session s = new Session(g)) {
        ranges =
            Calibration.ranges(
                s, x, fp.activations(), calib, () -> new PercentileCalibrator(99.99));
      }
      calib.forEach(TFloat32::close);
      assertThat(ranges.get(NetGraph.INPUT).min()).isNegative();
      assertThat(ranges.get("b1").min()).isZero();

      Int8Net int8 =
          Int8GraphBuilder.build(tf, x, net, ranges, Set.of(), HostNumerics.int8Weights());
      assertThat(int8.fp32Convs()).isEmpty(); // the stem too, on the shifted signed image
      assertThat(int8.int8Convs())
          .containsExactlyInAnyOrder("stem", "b1_a", "b1_b", "b2_a", "b2_proj", "b2_b");
      Int8Net fp32Stem =
          Int8GraphBuilder.build(
              tf.withSubScope("fp32_stem"),
              x,
              net,
              ranges,
              Set.of("stem"),
              HostNumerics.int8Weights());
      assertThat(fp32Stem.fp32Convs()).containsExactly("stem");

      try (Session s = new Session(g);
          TFloat32 test = images(16, 7)) {
        float[] ref = fetch(s, x, test, fp.output());
        float[] got = fetch(s, x, test, int8.output());
        double maxRef = 0, maxDiff = 0;
        int agree = 0;
        for (int i = 0; i < 16; i++) {
          int a = 0, b = 0;
          for (int k = 0; k < CLASSES; k++) {
            int j = i * CLASSES + k;
            maxRef = Math.max(maxRef, Math.abs(ref[j]));
            maxDiff = Math.max(maxDiff, Math.abs(ref[j] - got[j]));
            if (ref[j] > ref[i * CLASSES + a]) a = k;
            if (got[j] > got[i * CLASSES + b]) b = k;
          }
          agree += a == b ? 1 : 0;
        }
        System.out.printf(
            "tiny net (avg-pool shortcut "
                + averageDown
                + ") int8 vs fp32: max|logit diff| %.4f of max|logit| %.4f, top-1 agreement %d/16%n",
            maxDiff,
            maxRef,
            agree);
        // The end-to-end figures are quantization noise, largest with 7-bit weights, which is
        // what hosts without VNNI use: they were checked with those. Each layer's kernel must
        // compute what it should from the input the graph fed it, on every host.
        assertThat(maxDiff).isLessThan(0.05 * maxRef);
        assertThat(agree).isGreaterThanOrEqualTo(14);
        NetOutcome layers =
            Int8NetLayerCheck.run(net, ranges, Set.of(), HostNumerics.int8Weights(), nhwc(test));
        assertThat(layers.correct()).as("worst layer %s", layers.worst()).isTrue();
      }

      // Forcing every conv to FP32 gives back the float graph exactly.
      Int8Net allFp32 =
          Int8GraphBuilder.build(
              tf, x, net, ranges, Set.of("stem", "b1_a", "b2_a"), HostNumerics.int8Weights());
      assertThat(allFp32.int8Convs()).isEmpty();
    }
  }

  private static Nhwc nhwc(TFloat32 t) {
    float[] v = new float[(int) t.size()];
    t.asRawTensor().data().asFloats().read(v);
    return Nhwc.of(v, t.shape().asArray());
  }
}
