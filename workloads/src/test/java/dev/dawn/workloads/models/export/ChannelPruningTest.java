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
import dev.dawn.workloads.numerics.HostNumerics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelPruningTest {
  private static final int RES = 16;

  private static FoldedNet resNet18() {
    return BnFolding.fold(
        UnfoldedReference.randomBn(new ModelSpec("resnet18", 5, 0.0625, "B", null), 8L), RES);
  }

  @Test
  void removesTheLowestL1FiltersAndTheNextConvsInputs() {
    // conv a: 1x1, 1 input, 4 filters with |w| = 1, 0.1, 3, 0.2; conv b reads them (1x1, 4 -> 2)
    FoldedConv a =
        new FoldedConv(
            "a",
            new float[] {1f, -0.1f, -3f, 0.2f},
            new float[] {0, 1, 2, 3},
            1,
            1,
            1,
            4,
            1,
            Padding.SAME,
            true);
    float[] bw = {10, 11, 20, 21, 30, 31, 40, 41}; // [in][out]
    FoldedConv b = new FoldedConv("b", bw, new float[] {5, 6}, 1, 1, 4, 2, 1, Padding.SAME, true);
    FoldedNet net =
        new FoldedNet(
            4,
            4,
            1,
            List.of(
                a,
                b,
                new GlobalAvgPool(),
                new Dense("fc", new float[] {1, 1}, new float[1], 2, 1)));

    PrunedNet pruned = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, false);
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
  void withGroupsTheClassifiersInputRowsGoToo() {
    // conv b (1x1, 1 -> 3, |w| = 2, 0.5, 1) -> GAP -> dense (3 -> 2): b's lowest filter goes with
    // dense row 1
    FoldedConv b =
        new FoldedConv(
            "b",
            new float[] {2f, -0.5f, 1f},
            new float[] {7, 8, 9},
            1,
            1,
            1,
            3,
            1,
            Padding.SAME,
            true);
    Dense fc = new Dense("fc", new float[] {1, 2, 3, 4, 5, 6}, new float[] {0.5f, -0.5f}, 3, 2);
    FoldedNet net = new FoldedNet(2, 2, 1, List.of(b, new GlobalAvgPool(), fc));
    assertThat(ChannelPruning.prunableConvs(net, false))
        .as("old rule: only convs feeding one conv")
        .isEmpty();
    PrunedNet pruned = ChannelPruning.prune(net, 0.34, PruneScope.PER_LAYER, true);
    FoldedConv b2 = (FoldedConv) pruned.net().layers().get(0);
    Dense fc2 = (Dense) pruned.net().layers().get(2);
    assertThat(b2.kernel()).containsExactly(2f, 1f);
    assertThat(b2.bias()).containsExactly(7f, 9f);
    assertThat(fc2.in()).isEqualTo(2);
    assertThat(fc2.weights()).containsExactly(1, 2, 5, 6);
    assertThat(fc2.bias()).containsExactly(0.5f, -0.5f);
    List<ChannelPruning.KeptChannels> kept =
        ChannelPruning.select(net, 0.34, PruneScope.PER_LAYER, true);
    assertThat(kept)
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.producers()).containsExactly("b");
              assertThat(k.readers()).isEmpty();
              assertThat(k.denseReaders()).containsExactly("fc");
              assertThat(k.channels()).containsExactly(0, 2);
            });
  }

  @Test
  void residualGroupsShareOneChannelSetRankedOverAllProducers() {
    // block: x (stem, 2 ch) + main(x); stem |w| per channel = 1, 4; main's last conv b |w| = 3, 0.5
    // (1x1, in 2)
    FoldedConv stem =
        new FoldedConv(
            "stem", new float[] {1f, -4f}, new float[] {1, 2}, 1, 1, 1, 2, 1, Padding.SAME, true);
    FoldedConv a =
        new FoldedConv(
            "a", new float[] {1f, 1f, 1f, 1f}, new float[2], 1, 1, 2, 2, 1, Padding.SAME, true);
    FoldedConv b =
        new FoldedConv(
            "b",
            new float[] {3f, 0.5f, 0f, 0f},
            new float[] {3, 4},
            1,
            1,
            2,
            2,
            1,
            Padding.SAME,
            false);
    FoldedNet net =
        new FoldedNet(
            2,
            2,
            1,
            List.of(
                stem,
                new ResidualBlock("r", List.of(a, b), null),
                new GlobalAvgPool(),
                new Dense("fc", new float[] {1, 2, 3, 4}, new float[2], 2, 2)));
    // scores: channel 0 = 1/1 + 3/2 = 2.5, channel 1 = 4/1 + 0.5/2 = 4.25: channel 0 goes from stem
    // and b
    PrunedNet pruned = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, true);
    assertThat(pruned.keptFilters())
        .containsExactly(
            java.util.Map.entry("stem", 1),
            java.util.Map.entry("a", 1),
            java.util.Map.entry("b", 1));
    ResidualBlock r = (ResidualBlock) pruned.net().layers().get(1);
    assertThat(((FoldedConv) pruned.net().layers().get(0)).kernel()).containsExactly(-4f);
    assertThat(r.main().get(0).in()).isEqualTo(1);
    assertThat(r.main().get(1).out()).isEqualTo(1);
    assertThat(((Dense) pruned.net().layers().get(3)).weights()).containsExactly(3, 4);
    assertThat(ChannelPruning.prunableConvs(net, false)).containsExactly("a");
    try (FoldedModel model = new FoldedModel(pruned.net())) {
      assertThat(model.logits(new float[4], 1)).hasSize(2);
    }
  }

  @Test
  void ratioZeroIsTheIdentity() {
    FoldedNet net = resNet18();
    PrunedNet pruned = ChannelPruning.prune(net, 0.0, PruneScope.GLOBAL, true);
    assertThat(pruned.after()).isEqualTo(pruned.before());
    float[] x = BnFoldingTest.randomImages(2, RES, 1L);
    try (FoldedModel a = new FoldedModel(net);
        FoldedModel b = new FoldedModel(pruned.net())) {
      assertThat(b.logits(x, 2)).containsExactly(a.logits(x, 2));
    }
  }

  @Test
  void withoutGroupsHalfPerLayerPrunesOnlyInnerBlockConvsAndStillRuns() {
    FoldedNet net = resNet18();
    PrunedNet pruned = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, false);
    // ResNet-18: only each basic block's first conv is prunable (stem feeds an identity shortcut)
    assertThat(pruned.keptFilters())
        .hasSize(8)
        .allSatisfy((name, kept) -> assertThat(name).endsWith(".a"));
    long removed = 0;
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof ResidualBlock block) {
        FoldedConv a = block.main().get(0);
        FoldedConv b = block.main().get(1);
        int gone = a.out() - pruned.keptFilters().get(a.name());
        assertThat(gone).isEqualTo(a.out() / 2);
        removed +=
            (long) gone * (a.kh() * a.kw() * a.in() + 1) + (long) gone * b.kh() * b.kw() * b.out();
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
  void withGroupsEveryResNet18ConvIsPrunedAndTheAddsStayConsistent() {
    FoldedNet net = resNet18();
    PrunedNet pruned = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, true);
    // x0.0625: stem and stage 1 share 4 channels (identity shortcut), stages 2-4 have 8, 16, 32
    assertThat(pruned.keptFilters())
        .containsEntry("stem", 2)
        .containsEntry("stage1_block1.b", 2)
        .containsEntry("stage1_block2.b", 2)
        .containsEntry("stage2_block1.shortcut", 4)
        .containsEntry("stage4_block2.b", 16)
        .containsEntry("stage4_block1.a", 16);
    assertThat(pruned.keptFilters()).hasSize(1 + 8 * 2 + 3);
    // about a quarter of the MACs (the stem's image inputs and the classifier outputs stay): well
    // under half
    assertThat((double) pruned.after().macs()).isLessThan(pruned.before().macs() * 0.4);
    try (FoldedModel model = new FoldedModel(pruned.net())) {
      assertThat(model.logits(BnFoldingTest.randomImages(2, RES, 2L), 2)).hasSize(10);
    }
  }

  @Test
  void globalScopeRemovesTheRequestedShareOfPrunableFilters() {
    FoldedNet net =
        BnFolding.fold(
            UnfoldedReference.randomBn(new ModelSpec("resnet9", 4, 0.0625, null, null), 3L), RES);
    assertThat(ChannelPruning.prunableConvs(net, false))
        .as(
            "without groups res_b is not pruned: it meets the residual add in the trained model (here its passthrough)")
        .containsExactly("prep", "layer1_res_a", "layer2", "layer3_res_a");
    assertThat(ChannelPruning.prunableConvs(net, true))
        .containsExactly(
            "prep",
            "layer1",
            "layer1_res_a",
            "layer1_res_b",
            "layer2",
            "layer3",
            "layer3_res_a",
            "layer3_res_b");
    int total = 0;
    for (String name : ChannelPruning.prunableConvs(net, false)) {
      total += filters(net, name);
    }
    PrunedNet pruned = ChannelPruning.prune(net, 0.3, PruneScope.GLOBAL, false);
    int kept = pruned.keptFilters().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(kept).isEqualTo(total - (int) Math.floor(total * 0.3));
    assertThat((double) pruned.after().parameters())
        .isLessThan(pruned.before().parameters() * 0.95);
    try (FoldedModel model = new FoldedModel(pruned.net())) {
      assertThat(model.logits(BnFoldingTest.randomImages(1, RES, 3L), 1)).hasSize(4);
    }
  }

  @Test
  void flopCounterMatchesPublishedResNet18() {
    FoldedNet net =
        BnFolding.fold(UnfoldedReference.randomBn(ModelSpec.of("resnet18", 1000), 1L), 224);
    NetCost cost = FlopCounter.count(net);
    // torchvision resnet18: 11,689,512 params incl. BN gamma+beta; folding leaves one bias per BN
    // channel (4,800)
    assertThat(cost.parameters()).isEqualTo(11_689_512L - 4_800L);
    assertThat(cost.macs() / 1e9).isCloseTo(1.82, within(0.01));
    PrunedNet half = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, false);
    PrunedNet grouped = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, true);
    System.out.printf(
        "ResNet-18 224px folded: %d params, %.3f GMACs; 50%% per-layer pruned: %d params, %.3f GMACs; "
            + "with residual groups: %d params, %.3f GMACs%n",
        cost.parameters(),
        cost.macs() / 1e9,
        half.after().parameters(),
        half.after().macs() / 1e9,
        grouped.after().parameters(),
        grouped.after().macs() / 1e9);
    assertThat(grouped.after().macs()).isLessThan(half.after().macs());
  }

  @Test
  void residualGroupsRemoveClearlyMoreOfResNet9() {
    ModelWeights w = UnfoldedReference.randomBn(new ModelSpec("resnet9", 10, 0.25, null, null), 5L);
    FoldedNet net = BnFolding.fold(w, 32);
    PrunedNet without = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, false);
    PrunedNet with = ChannelPruning.prune(net, 0.5, PruneScope.PER_LAYER, true);
    // bench-train model (x0.25, 32 px): without groups, layer1 (32) and layer3 (128) keep their
    // width
    assertThat(without.keptFilters())
        .containsOnly(
            Map.entry("prep", 8),
            Map.entry("layer1_res_a", 16),
            Map.entry("layer2", 32),
            Map.entry("layer3_res_a", 64));
    assertThat(with.keptFilters())
        .containsEntry("layer1", 16)
        .containsEntry("layer1_res_b", 16)
        .containsEntry("layer3", 64)
        .containsEntry("layer3_res_b", 64);
    // every conv now loses half its inputs and outputs: about a quarter of the MACs are left, not
    // half
    double full = with.before().macs();
    System.out.printf(
        "ResNet-9 x0.25 32px: %.4f GMACs; pruned 0.5 without groups %.4f, with groups %.4f%n",
        full / 1e9, without.after().macs() / 1e9, with.after().macs() / 1e9);
    assertThat(without.after().macs() / full).isGreaterThan(0.4);
    assertThat(with.after().macs() / full).isLessThan(0.3);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"resnet9", "resnet50-D"})
  void int8GraphOfAGroupPrunedNetBuildsAndTracksFp32(String model) {
    ModelSpec spec =
        model.equals("resnet9")
            ? new ModelSpec("resnet9", 6, 0.125, null, null)
            : new ModelSpec("resnet50", 6, 0.0625, "D", null);
    FoldedNet net =
        ChannelPruning.prune(
                BnFolding.fold(UnfoldedReference.randomBn(spec, 12L), RES),
                0.5,
                PruneScope.PER_LAYER,
                true)
            .net();
    try (org.tensorflow.Graph g = new org.tensorflow.Graph()) {
      org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
      var x =
          tf.placeholder(
              org.tensorflow.types.TFloat32.class,
              org.tensorflow.op.core.Placeholder.shape(
                  org.tensorflow.ndarray.Shape.of(-1, RES, RES, 3)));
      var fp32 = dev.dawn.workloads.inference.net.NetGraph.build(tf, x, net);
      float[] images = BnFoldingTest.randomImages(4, RES, 13L);
      try (var batch =
          org.tensorflow.types.TFloat32.tensorOf(
              org.tensorflow.ndarray.Shape.of(4, RES, RES, 3),
              org.tensorflow.ndarray.buffer.DataBuffers.of(images, true, false))) {
        Map<String, dev.dawn.workloads.inference.quant.ActivationRange> ranges;
        try (org.tensorflow.Session s = new org.tensorflow.Session(g)) {
          ranges =
              dev.dawn.workloads.inference.quant.Calibration.ranges(
                  s,
                  x,
                  fp32.activations(),
                  List.of(batch),
                  dev.dawn.workloads.inference.quant.MinMaxCalibrator::new);
        }
        var int8 =
            dev.dawn.workloads.inference.quant.Int8GraphBuilder.build(
                tf, x, net, ranges, java.util.Set.of(), HostNumerics.int8Weights());
        assertThat(int8.int8Convs()).isNotEmpty();
        try (org.tensorflow.Session s = new org.tensorflow.Session(g);
            var r = s.runner().feed(x, batch).fetch(fp32.output()).fetch(int8.output()).run()) {
          float[] ref = new float[4 * 6];
          float[] got = new float[4 * 6];
          ((org.tensorflow.types.TFloat32) r.get(0)).asRawTensor().data().asFloats().read(ref);
          ((org.tensorflow.types.TFloat32) r.get(1)).asRawTensor().data().asFloats().read(got);
          double maxRef = 0;
          for (float v : ref) {
            maxRef = Math.max(maxRef, Math.abs(v));
          }
          assertThat(BnFoldingTest.maxAbsDiff(ref, got))
              .as("int8 vs fp32 logits of the group-pruned " + model)
              .isLessThan(0.2 * maxRef);
        }
      }
    }
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
