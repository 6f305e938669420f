package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.ResidualBlock;
import dev.dawn.workloads.models.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPruningTest {
  private static final int RES = 16;

  private static FoldedNet resNet18() {
    return BnFolding.fold(UnfoldedReference.randomBn(new ModelSpec("resnet18", 5, 0.0625, "B", null), 8L), RES);
  }

  @Test
  void removesTheLowestL1FiltersAndTheNextConvsInputs() {
    // conv a: 1x1, 1 input, 4 filters with |w| = 1, 0.1, 3, 0.2; conv b reads them (1x1, 4 -> 2)
    FoldedConv a = new FoldedConv("a", new float[] {1f, -0.1f, -3f, 0.2f}, new float[] {0, 1, 2, 3}, 1, 1, 1, 4, 1,
        Padding.SAME, true);
    float[] bw = {10, 11, 20, 21, 30, 31, 40, 41}; // [in][out]
    FoldedConv b = new FoldedConv("b", bw, new float[] {5, 6}, 1, 1, 4, 2, 1, Padding.SAME, true);
    FoldedNet net = new FoldedNet(4, 4, 1, List.of(a, b, new GlobalAvgPool(), new Dense("fc", new float[] {1, 1}, new float[1], 2, 1)));

    PrunedNet pruned = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER);
    FoldedConv a2 = (FoldedConv) pruned.net().layers().get(0);
    FoldedConv b2 = (FoldedConv) pruned.net().layers().get(1);
    assertThat(a2.kernel()).containsExactly(1f, -3f);
    assertThat(a2.bias()).containsExactly(0f, 2f);
    assertThat(b2.in()).isEqualTo(2);
    assertThat(b2.kernel()).containsExactly(10, 11, 30, 31);
    assertThat(b2.bias()).containsExactly(5f, 6f);
    assertThat(pruned.keptFilters()).containsExactly(java.util.Map.entry("a", 2));
    // params: a 4+4 -> 2+2, b 8+2 -> 4+2, dense 2+1
    assertThat(pruned.before().parameters()).isEqualTo(8 + 10 + 3);
    assertThat(pruned.after().parameters()).isEqualTo(4 + 6 + 3);
    assertThat(pruned.after().macs()).isEqualTo(16 * 2 + 16 * 4 + 2);
  }

  @Test
  void ratioZeroIsTheIdentity() {
    FoldedNet net = resNet18();
    PrunedNet pruned = ChannelPruning.prune(net, 0.0, PruneScope.GLOBAL);
    assertThat(pruned.after()).isEqualTo(pruned.before());
    float[] x = BnFoldingTest.randomImages(2, RES, 1L);
    try (FoldedModel a = new FoldedModel(net); FoldedModel b = new FoldedModel(pruned.net())) {
      assertThat(b.logits(x, 2)).containsExactly(a.logits(x, 2));
    }
  }

  @Test
  void halfPerLayerPrunesOnlyInnerBlockConvsAndStillRuns() {
    FoldedNet net = resNet18();
    PrunedNet pruned = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER);
    // ResNet-18: only each basic block's first conv is prunable (stem feeds an identity shortcut)
    assertThat(pruned.keptFilters()).hasSize(8).allSatisfy((name, kept) -> assertThat(name).endsWith(".a"));
    long removed = 0;
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof ResidualBlock block) {
        FoldedConv a = block.main().get(0);
        FoldedConv b = block.main().get(1);
        int gone = a.out() - pruned.keptFilters().get(a.name());
        assertThat(gone).isEqualTo(a.out() / 2);
        removed += (long) gone * (a.kh() * a.kw() * a.in() + 1) + (long) gone * b.kh() * b.kw() * b.out();
      }
    }
    assertThat(pruned.after().parameters()).isEqualTo(pruned.before().parameters() - removed);
    assertThat(pruned.after().macs()).isLessThan(pruned.before().macs());
    float[] x = BnFoldingTest.randomImages(2, RES, 2L);
    try (FoldedModel model = new FoldedModel(pruned.net())) {
      float[] logits = model.logits(x, 2);
      assertThat(logits).hasSize(10);
      for (float v : logits) {
        assertThat(v).isFinite();
      }
    }
  }

  @Test
  void globalScopeRemovesTheRequestedShareOfPrunableFilters() {
    FoldedNet net = BnFolding.fold(UnfoldedReference.randomBn(new ModelSpec("resnet9", 4, 0.0625, null, null), 3L), RES);
    assertThat(ChannelPruning.prunableConvs(net))
        .as("res_b meets the residual add in the trained model, so it is not pruned (only its passthrough reads it here)")
        .containsExactly("prep", "layer1_res_a", "layer2", "layer3_res_a");
    int total = 0;
    for (String name : ChannelPruning.prunableConvs(net)) {
      total += filters(net, name);
    }
    PrunedNet pruned = ChannelPruning.prune(net, 0.3, PruneScope.GLOBAL);
    int kept = pruned.keptFilters().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(kept).isEqualTo(total - (int) Math.floor(total * 0.3));
    assertThat((double) pruned.after().parameters()).isLessThan(pruned.before().parameters() * 0.95);
    try (FoldedModel model = new FoldedModel(pruned.net())) {
      assertThat(model.logits(BnFoldingTest.randomImages(1, RES, 3L), 1)).hasSize(4);
    }
  }

  @Test
  void flopCounterMatchesPublishedResNet18() {
    FoldedNet net = BnFolding.fold(UnfoldedReference.randomBn(ModelSpec.of("resnet18", 1000), 1L), 224);
    NetCost cost = FlopCounter.count(net);
    // torchvision resnet18: 11,689,512 params incl. BN gamma+beta; folding leaves one bias per BN channel (4,800)
    assertThat(cost.parameters()).isEqualTo(11_689_512L - 4_800L);
    assertThat(cost.macs() / 1e9).isCloseTo(1.82, within(0.01));
    PrunedNet half = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER);
    System.out.printf("ResNet-18 224px folded: %d params, %.3f GMACs; 50%% per-layer pruned: %d params, %.3f GMACs%n",
        cost.parameters(), cost.macs() / 1e9, half.after().parameters(), half.after().macs() / 1e9);
  }

  private static int filters(FoldedNet net, String name) {
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c && c.name().equals(name)) {
        return c.out();
      }
      if (layer instanceof ResidualBlock b) {
        for (FoldedConv c : b.main()) {
          if (c.name().equals(name)) {
            return c.out();
          }
        }
      }
    }
    throw new AssertionError("no conv " + name);
  }
}
