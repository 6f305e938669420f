package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvWidthsTest {
  @Test
  void publishedWidthsTimesMultiplierUnlessOverridden() {
    ConvWidths w =
        ConvWidths.of(new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("layer2", 7)));
    assertThat(w.out("prep")).isEqualTo(16);
    assertThat(w.out("layer2")).isEqualTo(7);
    assertThat(w.out("layer3")).isEqualTo(128);
  }

  @Test
  void bottleneckListsEveryConvIncludingShortcuts() {
    ConvWidths w = ConvWidths.of(new ModelSpec("resnet50", 10, 0.25, "B", null));
    assertThat(w.convs())
        .extracting(ConvWidths.Conv::name)
        .contains("stem", "stage1_block1.shortcut", "stage4_block3.c")
        .doesNotContain("stage1_block2.shortcut");
    assertThat(w.convs()).hasSize(1 + 16 * 3 + 4);
    assertThat(w.out("stage4_block1.c")).isEqualTo(512);
  }

  @Test
  void unknownConvNamesTheValidOnes() {
    assertThatThrownBy(
            () ->
                ConvWidths.of(new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("layer9", 3))))
        .hasMessageContaining("no conv 'layer9'")
        .hasMessageContaining(
            "[prep, layer1, layer1_res_a, layer1_res_b, layer2, layer3, layer3_res_a, layer3_res_b]");
  }

  @Test
  void convsMeetingAResidualAddAreNarrowedOnlyTogether() {
    // ResNet-18: the stem feeds stage 1's identity shortcuts, so it shares the blocks' output
    // channels
    assertThatThrownBy(
            () ->
                ConvWidths.of(
                    new ModelSpec("resnet18", 10, 0.25, "B", null, Map.of("stage1_block1.b", 3))))
        .hasMessageContaining(
            "convs [stem, stage1_block1.b, stage1_block2.b] meet at " + "a residual addition")
        .hasMessageContaining("{stem=16, stage1_block1.b=3, stage1_block2.b=16}");
    assertThatThrownBy(
            () ->
                ConvWidths.of(new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("layer3", 64))))
        .hasMessageContaining("convs [layer3, layer3_res_b]");
    // restating the published width is allowed
    assertThat(
            ConvWidths.of(new ModelSpec("resnet18", 10, 0.25, "B", null, Map.of("stem", 16)))
                .out("stem"))
        .isEqualTo(16);
    ConvWidths w =
        ConvWidths.of(
            new ModelSpec(
                "resnet18",
                10,
                0.25,
                "B",
                null,
                Map.of("stem", 7, "stage1_block1.b", 7, "stage1_block2.b", 7)));
    assertThat(w.out("stage1_block2.b")).isEqualTo(7);
    assertThat(w.convs().get(0).group())
        .containsExactly("stem", "stage1_block1.b", "stage1_block2.b");
  }

  @Test
  void aStageIsOneGroupFromItsProjectionOn() {
    ConvWidths w = ConvWidths.of(new ModelSpec("resnet50", 10, 0.25, "D", null));
    Map<String, ConvWidths.Conv> byName = new java.util.HashMap<>();
    w.convs().forEach(c -> byName.put(c.name(), c));
    assertThat(byName.get("stage2_block3.c").group())
        .containsExactly(
            "stage2_block1.c",
            "stage2_block1.shortcut",
            "stage2_block2.c",
            "stage2_block3.c",
            "stage2_block4.c");
    // the deep stem's last conv feeds stage1_block1.a and its projection but no add: a group of
    // one, free to narrow
    assertThat(byName.get("stem3").residual()).isFalse();
    assertThat(byName.get("stage1_block1.a").group()).containsExactly("stage1_block1.a");
    assertThat(w.has("stage1_block1.shortcut")).isTrue();
    assertThat(w.has("stage1_block2.shortcut")).isFalse();
  }

  @Test
  void narrowedGroupsBuildConsistentModels() {
    try (var g = new org.tensorflow.Graph()) {
      var tf = org.tensorflow.op.Ops.create(g);
      long full =
          Model.build(tf, new ModelSpec("resnet9", 10, 0.25, null, null), 1L).parameterCount();
      long narrow =
          Model.build(
                  tf.withSubScope("n"),
                  new ModelSpec(
                      "resnet9", 10, 0.25, null, null, Map.of("layer3", 100, "layer3_res_b", 100)),
                  1L)
              .parameterCount();
      // layer3 (from 64) and layer3_res_b (from 128) lose 28 of 128 outputs and their BN
      // gamma/beta;
      // layer3_res_a (to 128) and the classifier (to 10) read 100 channels instead of 128
      int gone = 28;
      assertThat(full - narrow)
          .isEqualTo(
              3 * 3 * 64 * gone
                  + 3 * 3 * 128 * gone
                  + 2 * 2 * gone
                  + 3 * 3 * gone * 128
                  + gone * 10);
      // a stage-1 group of ResNet-50 as wide as the stem: its projection must stay (the weights
      // have one)
      Model resnet =
          Model.build(
              tf.withSubScope("r"),
              new ModelSpec(
                  "resnet50",
                  10,
                  0.0625,
                  "B",
                  null,
                  Map.of(
                      "stage1_block1.c",
                      4,
                      "stage1_block1.shortcut",
                      4,
                      "stage1_block2.c",
                      4,
                      "stage1_block3.c",
                      4)),
              1L);
      assertThat(resnet.trainables())
          .anySatisfy(t -> assertThat(t.name()).startsWith("stage1_block1.shortcut"));
    }
  }

  @Test
  void countsBelowOneAreRejected() {
    assertThatThrownBy(() -> new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("prep", 0)))
        .hasMessageContaining("'prep' must be >= 1");
  }

  @Test
  void narrowedModelHasFewerParameters() {
    try (var g = new org.tensorflow.Graph()) {
      var tf = org.tensorflow.op.Ops.create(g);
      long full =
          Model.build(tf, new ModelSpec("resnet9", 10, 0.25, null, null), 1L).parameterCount();
      long narrow =
          Model.build(
                  tf.withSubScope("n"),
                  new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("layer2", 32)),
                  1L)
              .parameterCount();
      // layer2 64 -> 32 halves its kernel (3*3*32*64) and layer3's inputs (3*3*64*128), and 2*32 BN
      // params
      assertThat(full - narrow).isEqualTo(3 * 3 * 32 * 32 + 3 * 3 * 32 * 128 + 2 * 32);
    }
  }
}
