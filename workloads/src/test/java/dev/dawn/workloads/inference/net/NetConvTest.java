package dev.dawn.workloads.inference.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.RandomNets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class NetConvTest {
  /** Small enough to build fast; every stride still leaves an output of 2 px or more. */
  private static final int PX = 64;

  @Test
  void listsEveryConvOfResNet50WithTheShapesTheGraphGivesIt() {
    FoldedNet net = RandomNets.folded(ModelSpec.of("resnet50", 10), PX, 1L);
    List<NetConv> convs = NetConv.of(net);

    // stem + 16 bottleneck blocks of 3 convs + a projection shortcut opening each of the 4 stages
    assertThat(convs).hasSize(53);
    Map<NetConv.Role, Long> byRole =
        convs.stream().collect(Collectors.groupingBy(NetConv::role, Collectors.counting()));
    assertThat(byRole)
        .containsEntry(NetConv.Role.LAYER, 1L)
        .containsEntry(NetConv.Role.INNER, 32L)
        .containsEntry(NetConv.Role.LAST, 16L)
        .containsEntry(NetConv.Role.SHORTCUT, 4L);
    NetConv stem = convs.get(0);
    assertThat(List.of(stem.height(), stem.width(), stem.conv().in())).containsExactly(PX, PX, 3);
    assertThat(stem.inputKey()).isEqualTo(NetGraph.INPUT);
    // stem and max pool stride 2: stage 1 runs at PX / 4, each later stage halves it, and a
    // stage's shortcut reads the stage input before that
    assertThat(
            convs.stream()
                .filter(c -> c.role() == NetConv.Role.SHORTCUT)
                .map(NetConv::height)
                .toList())
        .containsExactly(PX / 4, PX / 4, PX / 8, PX / 16);
    assertMatchesGraphShapes(net, convs);
  }

  @Test
  void aShortcutBehindAnAveragePoolReadsThePooledSize() {
    FoldedNet net = TinyFoldedNets.resnet(16, 10, true);
    List<NetConv> convs = NetConv.of(net);

    assertThat(convs)
        .extracting(c -> c.conv().name())
        .containsExactly("stem", "b1_a", "b1_b", "b2_a", "b2_b", "b2_proj");
    NetConv shortcut = convs.get(5);
    assertThat(shortcut.role()).isEqualTo(NetConv.Role.SHORTCUT);
    assertThat(List.of(shortcut.height(), shortcut.width())).containsExactly(8, 8);
    assertThat(shortcut.inputKey()).isEqualTo("b1");
    assertMatchesGraphShapes(net, convs);
  }

  /**
   * The convs listed are exactly the float graph's, and each one's input and output have the static
   * shapes TF infers for its Conv2D op there; where the conv reads no pool's output, the activation
   * its input key names is that input.
   */
  private static void assertMatchesGraphShapes(FoldedNet net, List<NetConv> convs) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(
              TFloat32.class,
              Placeholder.shape(Shape.of(1, net.height(), net.width(), net.channels())));
      Map<String, Operand<TFloat32>> acts = NetGraph.build(tf, x, net).activations();
      Set<String> graphConvs = new HashSet<>();
      for (LayerSpec l : net.layers()) {
        if (l instanceof FoldedConv c) {
          graphConvs.add(c.name());
        } else if (l instanceof ResidualBlock b) {
          b.main().forEach(c -> graphConvs.add(c.name()));
          if (b.projection() != null) graphConvs.add(b.projection().name());
        }
      }
      assertThat(convs)
          .extracting(c -> c.conv().name())
          .containsExactlyInAnyOrderElementsOf(graphConvs);
      for (NetConv c : convs) {
        Operand<TFloat32> out = acts.get(c.conv().name());
        GraphOperation conv2d = (GraphOperation) out.op();
        while (!conv2d.type().equals("Conv2D")) {
          conv2d = (GraphOperation) conv2d.input(0).op(); // back through Relu and BiasAdd
        }
        Shape in = conv2d.input(0).shape();
        assertThat(in)
            .as(c.conv().name() + " input")
            .isEqualTo(Shape.of(1, c.height(), c.width(), c.conv().in()));
        assertThat(out.shape())
            .as(c.conv().name() + " output")
            .isEqualTo(Shape.of(1, c.outputHeight(), c.outputWidth(), c.conv().out()));
        Output<?> source = conv2d.input(0);
        while (List.of("MaxPool", "MaxPoolV2", "AvgPool").contains(source.op().type())) {
          source = ((GraphOperation) source.op()).input(0);
        }
        assertThat(source.op().name())
            .as(c.conv().name() + " reads " + c.inputKey())
            .isEqualTo(acts.get(c.inputKey()).op().name());
      }
    }
  }
}
