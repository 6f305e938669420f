package dev.dawn.workloads.inference.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetConv;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.TinyFoldedNets;
import dev.dawn.workloads.numerics.HostNumerics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

class Int8ConvAloneTest {
  private static final int HW = 16;

  @ParameterizedTest(name = "average-pool shortcut {0}")
  @ValueSource(booleans = {false, true})
  void everyConvRunsAloneWithTheKernelTheWholeNetGivesIt(boolean averageDown) {
    FoldedNet net = TinyFoldedNets.resnet(HW, 10, averageDown);
    Map<String, ActivationRange> ranges;
    Map<String, String> netKernels;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, HW, HW, 3)));
      NetGraph fp = NetGraph.build(tf, x, net);
      try (Session s = new Session(g);
          TFloat32 images = images(4)) {
        ranges =
            Calibration.ranges(
                s, x, fp.activations(), List.of(images), () -> new PercentileCalibrator(99.99));
      }
      Int8GraphBuilder.build(tf, x, net, ranges, Set.of(), HostNumerics.int8Weights());
      netKernels =
          NetConv.of(net).stream()
              .map(c -> c.conv().name())
              .collect(Collectors.toMap(n -> n, n -> g.operation(n).type()));
    }
    assertThat(netKernels).containsEntry("b1_b", "QuantizedConv2DWithBiasSumAndReluAndRequantize");

    for (NetConv conv : NetConv.of(net)) {
      try (Graph g = new Graph()) {
        Int8ConvAlone alone =
            Int8ConvAlone.build(Ops.create(g), conv, ranges, HostNumerics.int8Weights());
        // a block's last conv without the add the net fuses into it (see Int8ConvAlone)
        assertThat(alone.kernel().type())
            .as(conv.conv().name())
            .isEqualTo(
                conv.role() == NetConv.Role.LAST
                    ? "QuantizedConv2DWithBiasAndRequantize"
                    : netKernels.get(conv.conv().name()));
        try (Session s = new Session(g);
            TUint8 in = bytes(alone.input())) {
          s.runner().feed(alone.input(), in).addTarget(alone.kernel()).run().close();
        }
      }
    }
  }

  private static TFloat32 images(int n) {
    Random rnd = new Random(3);
    float[] v = new float[n * HW * HW * 3];
    for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
    return TFloat32.tensorOf(Shape.of(n, HW, HW, 3), DataBuffers.of(v, true, false));
  }

  private static TUint8 bytes(Operand<TUint8> placeholder) {
    byte[] b = new byte[(int) placeholder.shape().size()];
    new Random(7).nextBytes(b);
    return TUint8.tensorOf(placeholder.shape(), DataBuffers.of(b, true, false));
  }
}
