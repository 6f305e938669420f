package dev.dawn.workloads.inference.bf16;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.FloatNetGraph;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.RandomFoldedNets;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

class Bf16NetGraphTest {
  private static final int HW = 16;
  private static final int CLASSES = 10;

  @Test
  void bf16LogitsTrackFp32AndTheConvsComputeInBf16() {
    RandomFoldedNets r = new RandomFoldedNets(5);
    FoldedNet net =
        new FoldedNet(
            HW,
            HW,
            3,
            List.of(
                r.conv("stem", 3, 3, 16, 1, true),
                new ResidualBlock(
                    "b1",
                    List.of(
                        r.conv("b1_a", 3, 16, 16, 1, true), r.conv("b1_b", 3, 16, 16, 1, false)),
                    null),
                new ResidualBlock(
                    "b2",
                    List.of(
                        r.conv("b2_a", 3, 16, 32, 2, true), r.conv("b2_b", 3, 32, 32, 1, false)),
                    r.conv("b2_proj", 1, 16, 32, 1, false),
                    new AvgPool(2, 2, Padding.SAME)),
                new MaxPool(2, 2, Padding.SAME),
                new GlobalAvgPool(),
                r.dense("fc", 32, CLASSES)));
    Random rnd = new Random(7);
    float[] v = new float[16 * HW * HW * 3];
    for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
    try (Graph g = new Graph();
        Session s = new Session(g);
        TFloat32 images =
            TFloat32.tensorOf(Shape.of(16, HW, HW, 3), DataBuffers.of(v, true, false))) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, HW, HW, 3)));
      Operand<TFloat32> fp32 = FloatNetGraph.build(tf, x, net).output();
      Operand<TFloat32> bf16 = Bf16NetGraph.build(tf.withSubScope("bf16"), x, net);
      assertThat(bf16.asOutput().dataType()).isEqualTo(DataType.DT_FLOAT);
      int bf16Convs = 0;
      for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("Conv2D") && op.name().startsWith("bf16")) {
          assertThat(op.output(0).dataType()).isEqualTo(DataType.DT_BFLOAT16);
          bf16Convs++;
        }
      }
      assertThat(bf16Convs).isEqualTo(6);

      float[] want = fetch(s, x, images, fp32);
      float[] got = fetch(s, x, images, bf16);
      double maxRef = 0, maxDiff = 0;
      int agree = 0;
      for (int i = 0; i < 16; i++) {
        int a = 0, b = 0;
        for (int k = 0; k < CLASSES; k++) {
          int j = i * CLASSES + k;
          maxRef = Math.max(maxRef, Math.abs(want[j]));
          maxDiff = Math.max(maxDiff, Math.abs(want[j] - got[j]));
          if (want[j] > want[i * CLASSES + a]) a = k;
          if (got[j] > got[i * CLASSES + b]) b = k;
        }
        agree += a == b ? 1 : 0;
      }
      assertThat(maxDiff).isLessThan(0.05 * maxRef);
      assertThat(agree).isGreaterThanOrEqualTo(15);
    }
  }

  @Test
  void withoutAvx512Bf16OrAmxItIsEmulated() {
    assertThat(Bf16Support.isNative(List.of("avx2", "avx512f", "avx512_vnni"))).isFalse();
    assertThat(Bf16Support.isNative(List.of("avx512f", "avx512_bf16"))).isTrue();
    assertThat(Bf16Support.isNative(List.of("amx_bf16"))).isTrue();
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
