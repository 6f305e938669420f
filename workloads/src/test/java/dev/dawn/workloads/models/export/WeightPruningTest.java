package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.ResidualBlock;
import dev.dawn.workloads.models.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightPruningTest {
  private static final int RES = 16;

  /**
   * fold(prune(w)) == prune(fold(w)), and the model rebuilt from model.channels runs the pruned
   * weights.
   */
  private static WeightPruning.PrunedWeights assertPruneCommutesWithFold(
      ModelWeights weights, double ratio, PruneScope scope, boolean residualGroups) {
    WeightPruning.PrunedWeights pruned =
        WeightPruning.prune(weights, RES, ratio, scope, residualGroups);
    FoldedNet viaWeights = BnFolding.fold(pruned.weights(), RES);
    FoldedNet viaFolded =
        ChannelPruning.prune(BnFolding.fold(weights, RES), ratio, scope, residualGroups).net();

    List<FoldedConv> a = convs(viaWeights);
    List<FoldedConv> b = convs(viaFolded);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
      assertThat(new int[] {a.get(i).in(), a.get(i).out()})
          .as(a.get(i).name())
          .containsExactly(b.get(i).in(), b.get(i).out());
      assertThat(BnFoldingTest.maxAbsDiff(a.get(i).kernel(), b.get(i).kernel()))
          .as(a.get(i).name())
          .isLessThanOrEqualTo(1e-4);
      assertThat(BnFoldingTest.maxAbsDiff(a.get(i).bias(), b.get(i).bias()))
          .as(a.get(i).name())
          .isLessThanOrEqualTo(1e-4);
    }
    assertThat(pruned.weights().floatCount()).isLessThan(weights.floatCount());

    float[] x = BnFoldingTest.randomImages(2, RES, 21L);
    try (FoldedModel fa = new FoldedModel(viaWeights);
        FoldedModel fb = new FoldedModel(viaFolded);
        UnfoldedReference rebuilt = new UnfoldedReference(pruned.weights())) {
      float[] expected = fb.logits(x, 2);
      assertThat(BnFoldingTest.maxAbsDiff(fa.logits(x, 2), expected)).isLessThanOrEqualTo(1e-4);
      // the narrower model built from spec.channels() (shapes consistent through every residual
      // block)
      assertThat(BnFoldingTest.maxAbsDiff(rebuilt.logits(x, 2, RES), expected))
          .isLessThanOrEqualTo(1e-4);
    }
    return pruned;
  }

  private static List<FoldedConv> convs(FoldedNet net) {
    List<FoldedConv> out = new ArrayList<>();
    for (LayerSpec l : net.layers()) {
      if (l instanceof FoldedConv c) out.add(c);
      if (l instanceof ResidualBlock r) {
        out.addAll(r.main());
        if (r.projection() != null) out.add(r.projection());
      }
    }
    return out;
  }

  @Test
  void resNet9PerLayerHalfWithoutResidualGroups() {
    ModelWeights trained = BnFoldingTest.trained(new ModelSpec("resnet9", 5, 0.0625, null, null));
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(trained, 0.5, PruneScope.PER_LAYER, false);
    // published x 0.0625: prep 4, layer1_res_a 8, layer2 16, layer3_res_a 32 -> halved
    assertThat(pruned.channels())
        .containsOnly(
            Map.entry("prep", 2),
            Map.entry("layer1_res_a", 4),
            Map.entry("layer2", 8),
            Map.entry("layer3_res_a", 16));
    assertThat(pruned.weights().get("layer2.conv.kernel").shape()).containsExactly(3, 3, 8, 8);
    assertThat(pruned.weights().get("layer3.conv.kernel").shape()).containsExactly(3, 3, 8, 32);
    assertThat(pruned.weights().get("layer2.bn.moving_variance").shape()).containsExactly(8);
    assertThat(pruned.weights().spec().channels()).isEqualTo(pruned.channels());
  }

  @Test
  void resNet9PerLayerHalfWithResidualGroups() {
    ModelWeights trained = BnFoldingTest.trained(new ModelSpec("resnet9", 5, 0.0625, null, null));
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(trained, 0.5, PruneScope.PER_LAYER, true);
    // the residual groups {layer1, layer1_res_b} (8) and {layer3, layer3_res_b} (32) are halved too
    assertThat(pruned.channels())
        .containsOnly(
            Map.entry("prep", 2),
            Map.entry("layer1", 4),
            Map.entry("layer1_res_a", 4),
            Map.entry("layer1_res_b", 4),
            Map.entry("layer2", 8),
            Map.entry("layer3", 16),
            Map.entry("layer3_res_a", 16),
            Map.entry("layer3_res_b", 16));
    assertThat(pruned.weights().get("layer1_res_a.conv.kernel").shape())
        .containsExactly(3, 3, 4, 4);
    assertThat(pruned.weights().get("layer2.conv.kernel").shape()).containsExactly(3, 3, 4, 8);
    assertThat(pruned.weights().get("layer3_res_b.bn.beta").shape()).containsExactly(16);
    assertThat(pruned.weights().get("classifier.kernel").shape()).containsExactly(16, 5);
  }

  @Test
  void resNet9GlobalScope() {
    ModelWeights w = UnfoldedReference.randomBn(new ModelSpec("resnet9", 4, 0.125, null, null), 4L);
    assertPruneCommutesWithFold(w, 0.4, PruneScope.GLOBAL, false);
    WeightPruning.PrunedWeights grouped =
        assertPruneCommutesWithFold(w, 0.4, PruneScope.GLOBAL, true);
    assertThat(grouped.channels().get("layer1")).isEqualTo(grouped.channels().get("layer1_res_b"));
    assertThat(grouped.channels().get("layer3")).isEqualTo(grouped.channels().get("layer3_res_b"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "variant {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"B", "D"})
  void bottleneckResNetWithResidualGroups(String variant) {
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(
            UnfoldedReference.randomBn(new ModelSpec("resnet50", 4, 0.0625, variant, null), 7L),
            0.5,
            PruneScope.PER_LAYER,
            true);
    String stem = variant.equals("D") ? "stem3" : "stem";
    // the stem feeds stage1_block1.a and its projection (no add): a group of one; each stage is one
    // group
    assertThat(pruned.channels())
        .containsEntry(stem, 2)
        .containsEntry("stage1_block1.a", 2)
        .containsEntry("stage1_block1.shortcut", 8)
        .containsEntry("stage1_block1.c", 8)
        .containsEntry("stage1_block3.c", 8)
        .containsEntry("stage2_block1.shortcut", 16)
        .containsEntry("stage4_block3.c", 64);
    assertThat(pruned.weights().get("stage2_block1.a.conv.kernel").shape())
        .containsExactly(1, 1, 8, 4);
    assertThat(pruned.weights().get("stage2_block1.shortcut.conv.kernel").shape())
        .containsExactly(1, 1, 8, 16);
    assertThat(pruned.weights().get("classifier.kernel").shape()).containsExactly(64, 4);
    assertThat(pruned.weights().get("classifier.bias").shape()).containsExactly(4);
  }

  @Test
  void basicResNetDGlobalScopeWithResidualGroups() {
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(
            UnfoldedReference.randomBn(new ModelSpec("resnet18", 4, 0.0625, "D", null), 8L),
            0.5,
            PruneScope.GLOBAL,
            true);
    // the deep stem's last conv feeds stage 1's identity shortcuts: one group with the stage's last
    // convs
    assertThat(pruned.channels().get("stem3")).isEqualTo(pruned.channels().get("stage1_block2.b"));
    assertThat(pruned.channels().get("stage2_block1.shortcut"))
        .isEqualTo(pruned.channels().get("stage2_block2.b"));
  }

  @Test
  void bottleneckResNetWithDeepStem() {
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(
            UnfoldedReference.randomBn(new ModelSpec("resnet50", 4, 0.0625, "C", null), 6L),
            0.5,
            PruneScope.PER_LAYER,
            false);
    // the 1x1 reduce and the 3x3 of every block, and the first two stem convs; never a block's
    // output
    assertThat(pruned.channels())
        .containsKeys("stem1", "stem2", "stage1_block1.a", "stage1_block1.b", "stage4_block3.b")
        .doesNotContainKeys("stem3", "stage1_block1.c", "stage1_block1.shortcut");
    assertThat(pruned.weights().get("stage2_block1.c.conv.kernel").shape())
        .containsExactly(1, 1, 4, 32);
    assertThat(pruned.weights().get("stage2_block1.shortcut.conv.kernel").shape())
        .containsExactly(1, 1, 16, 32);
  }

  @Test
  void airbench94ByGroups() {
    ModelWeights trained =
        BnFoldingTest.trained(new ModelSpec("airbench94", 5, 0.0625, null, null));
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(trained, 0.5, PruneScope.PER_LAYER, true);
    // no residuals: every conv is a group of its own, the last one read by the classifier
    assertThat(pruned.channels())
        .containsOnly(
            Map.entry("whiten", 12),
            Map.entry("group1.a", 2),
            Map.entry("group1.b", 2),
            Map.entry("group2.a", 8),
            Map.entry("group2.b", 8),
            Map.entry("group3.a", 8),
            Map.entry("group3.b", 8));
    assertThat(pruned.weights().get("whiten.conv.bias").shape()).containsExactly(12);
    assertThat(pruned.weights().get("group1.a.conv.kernel").shape()).containsExactly(3, 3, 12, 2);
    assertThat(pruned.weights().get("group2.a.bn.moving_mean").shape()).containsExactly(8);
    assertThat(pruned.weights().get("classifier.kernel").shape()).containsExactly(8, 5);
  }

  @Test
  void airbench94GlobalScopeWithoutGroupsKeepsTheClassifierInput() {
    WeightPruning.PrunedWeights pruned =
        assertPruneCommutesWithFold(
            UnfoldedReference.randomBn(new ModelSpec("airbench94", 4, 0.125, null, null), 5L),
            0.4,
            PruneScope.GLOBAL,
            false);
    assertThat(pruned.channels()).doesNotContainKey("group3.b");
    assertThat(pruned.weights().get("classifier.kernel").shape()).containsExactly(32, 4);
  }

  @Test
  void aSelectionNamingWeightsTheModelLacksIsRefused() {
    ModelWeights w =
        UnfoldedReference.randomBn(new ModelSpec("resnet9", 4, 0.0625, null, null), 2L);
    var kept =
        new ChannelPruning.KeptChannels(
            List.of("prep"), List.of("layer1"), List.of("fc"), 4, new int[] {0, 1});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeightPruning.slice(w, List.of(kept)))
        .hasMessageContaining("model does not have: [fc.kernel]");
  }

  @Test
  void pruningTwiceComposesChannels(@TempDir Path dir) throws Exception {
    ModelWeights w = UnfoldedReference.randomBn(new ModelSpec("resnet18", 4, 0.125, "B", null), 9L);
    WeightPruning.PrunedWeights once = WeightPruning.prune(w, RES, 0.5, PruneScope.PER_LAYER, true);
    ModelCheckpoint.write(once.weights(), dir);
    ModelWeights loaded = ModelCheckpoint.read(dir);
    assertThat(loaded.spec()).isEqualTo(once.weights().spec());
    WeightPruning.PrunedWeights twice =
        assertPruneCommutesWithFold(loaded, 0.5, PruneScope.PER_LAYER, true);
    assertThat(twice.channels().get("stage1_block1.a")).isEqualTo(2); // 8 -> 4 -> 2
    // ResNet-18's stem feeds stage 1's identity shortcut, so it is pruned with that stage's group
    assertThat(twice.channels())
        .containsEntry("stem", 2)
        .containsEntry("stage1_block2.b", 2)
        .containsEntry("stage4_block2.b", 16); // 64 -> 32 -> 16
  }
}
