package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvWidthsTest {
  @Test
  void publishedWidthsTimesMultiplierUnlessOverridden() {
    ConvWidths w = ConvWidths.of(new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("layer2", 7)));
    assertThat(w.out("prep")).isEqualTo(16);
    assertThat(w.out("layer2")).isEqualTo(7);
    assertThat(w.out("layer3")).isEqualTo(128);
  }

  @Test
  void bottleneckListsEveryConvIncludingShortcuts() {
    ConvWidths w = ConvWidths.of(new ModelSpec("resnet50", 10, 0.25, "B", null));
    assertThat(w.convs()).extracting(ConvWidths.Conv::name).contains("stem", "stage1_block1.shortcut",
        "stage4_block3.c").doesNotContain("stage1_block2.shortcut");
    assertThat(w.convs()).hasSize(1 + 16 * 3 + 4);
    assertThat(w.out("stage4_block1.c")).isEqualTo(512);
  }

  @Test
  void unknownConvNamesTheValidOnes() {
    assertThatThrownBy(() -> ConvWidths.of(new ModelSpec("resnet9", 10, 0.25, null, null, Map.of("layer9", 3))))
        .hasMessageContaining("no conv 'layer9'").hasMessageContaining("[prep, layer1_res_a, layer2, layer3_res_a]");
  }

  @Test
  void convsMeetingAResidualAddKeepTheirWidth() {
    assertThatThrownBy(() -> ConvWidths.of(new ModelSpec("resnet18", 10, 0.25, "B", null,
        Map.of("stage1_block1.b", 3)))).hasMessageContaining("'stage1_block1.b' feeds a residual addition");
    // restating the fixed width is allowed
    assertThat(ConvWidths.of(new ModelSpec("resnet18", 10, 0.25, "B", null, Map.of("stem", 16))).out("stem")).isEqualTo(16);
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
      long full = Model.build(tf, new ModelSpec("resnet9", 10, 0.25, null, null), 1L).parameterCount();
      long narrow = Model.build(tf.withSubScope("n"), new ModelSpec("resnet9", 10, 0.25, null, null,
          Map.of("layer2", 32)), 1L).parameterCount();
      // layer2 64 -> 32 halves its kernel (3*3*32*64) and layer3's inputs (3*3*64*128), and 2*32 BN params
      assertThat(full - narrow).isEqualTo(3 * 3 * 32 * 32 + 3 * 3 * 32 * 128 + 2 * 32);
    }
  }
}
