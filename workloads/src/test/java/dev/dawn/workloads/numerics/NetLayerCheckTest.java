package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.RandomNets;
import dev.dawn.workloads.precision.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetLayerCheckTest {
  private static final FoldedNet RESNET9 =
      RandomNets.folded(new ModelSpec("resnet9", 10, 0.125, null, null), 24, 5L);

  /**
   * Every layer of the bench-train architecture within its bound in every precision, on a host
   * whose kernels compute that precision right (the op checks of the same precision say which).
   */
  @ParameterizedTest
  @EnumSource(Precision.class)
  void everyLayerOfACorrectGraphIsWithinItsBound(Precision p) {
    NetOutcome o = NetLayerCheck.run(RESNET9, p, CheckSuite.images(24, 3));
    assertThat(o.layers())
        .extracting(Deviation::where)
        .containsExactly(
            "prep",
            "layer1",
            "layer1_res_a",
            "layer1_res_b",
            "layer1_res",
            "layer2",
            "layer3",
            "layer3_res_a",
            "layer3_res_b",
            "layer3_res",
            "output");
    if (!o.correct()) {
      assertThat(HostKernels.wrong(p))
          .as(
              "layer %s beyond its bound while every %s kernel computes right: dawn's graph is wrong",
              o.worst().where(), p)
          .isTrue();
    }
    assertThat(o.layers())
        .allMatch(d -> d.maxError() > 0 || p == Precision.FP32 || d.where().equals("output"));
  }

  /** A kernel that computes a layer 10% off is caught at that layer, not before. */
  @ParameterizedTest
  @EnumSource(Precision.class)
  void aWrongLayerIsNamedWhereItGoesWrong(Precision p) {
    List<LayerSpec> layers = new ArrayList<>(RESNET9.layers());
    FoldedConv layer2 = (FoldedConv) layers.get(4);
    float[] k = layer2.kernel().clone();
    for (int i = 0; i < k.length; i++) k[i] *= 1.10f;
    layers.set(
        4,
        new FoldedConv(
            layer2.name(),
            k,
            layer2.bias(),
            layer2.kh(),
            layer2.kw(),
            layer2.in(),
            layer2.out(),
            layer2.stride(),
            layer2.padding(),
            layer2.relu()));
    FoldedNet wrong = new FoldedNet(RESNET9.height(), RESNET9.width(), RESNET9.channels(), layers);
    NetOutcome o = NetLayerCheck.run(wrong, RESNET9, p, CheckSuite.images(24, 3));
    assertThat(o.correct()).isFalse();
    assertThat(o.firstBeyondBound()).map(Deviation::where).contains("layer2");
  }
}
