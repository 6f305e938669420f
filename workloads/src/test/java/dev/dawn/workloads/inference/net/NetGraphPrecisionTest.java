package dev.dawn.workloads.inference.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.numerics.HostKernels;
import dev.dawn.workloads.numerics.NetLayerCheck;
import dev.dawn.workloads.numerics.NetOutcome;
import dev.dawn.workloads.numerics.Nhwc;
import dev.dawn.workloads.precision.Precision;
import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

class NetGraphPrecisionTest {
  private static final int HW = 16;

  /**
   * Float32 images in, float32 logits out, every conv in the compute dtype, and every layer within
   * the bound of the precision's arithmetic unless this host's kernels of that precision are wrong.
   */
  @ParameterizedTest
  @EnumSource(Precision.class)
  void convsComputeInThePrecisionAndEveryLayerStaysWithinItsBound(Precision p) {
    FoldedNet net = TinyFoldedNets.resnet(HW, 10, true);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, HW, HW, 3)));
      Operand<TFloat32> y = NetGraph.build(tf.withSubScope("net"), x, net, p).output();
      assertThat(y.asOutput().dataType()).isEqualTo(DataType.DT_FLOAT);
      int convs = 0;
      for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("Conv2D")) {
          assertThat(op.output(0).dataType()).isEqualTo(p.dataType());
          convs++;
        }
      }
      assertThat(convs).isEqualTo(6);
    }
    Random rnd = new Random(7);
    double[] v = new double[8 * HW * HW * 3];
    for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
    NetOutcome o = NetLayerCheck.run(net, p, new Nhwc(8, HW, HW, 3, v));
    if (!o.correct()) {
      assertThat(HostKernels.wrong(p))
          .as("%s beyond its bound while every %s kernel computes right", o.worst(), p)
          .isTrue();
    }
  }
}
