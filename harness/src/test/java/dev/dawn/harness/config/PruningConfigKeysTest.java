package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.harness.train.TrainingParts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * model.channels, train.initWeights and train.stopAtTarget: what a pruned model's fine-tune config
 * is made of.
 */
class PruningConfigKeysTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void defaultsAreThePublishedWidthsAndAFreshStart() {
    var c = loader.load("", "a.yaml", List.of()).config();
    assertThat(c.model().channels()).isEmpty();
    assertThat(c.train().initWeights()).isEmpty();
    assertThat(c.train().stopAtTarget()).isTrue();
  }

  @Test
  void channelsReachTheModelSpec() {
    var c =
        loader
            .load(
                "model:\n  architecture: resnet9\n  width: 0.25\n  channels: {layer2: 32, prep: 8}\n",
                "a.yaml",
                List.of("model.channels.layer3_res_a=64"))
            .config();
    assertThat(c.model().channels())
        .containsOnly(Map.entry("layer2", 32), Map.entry("prep", 8), Map.entry("layer3_res_a", 64));
    assertThat(TrainingParts.modelSpec(c, 10).channels()).isEqualTo(c.model().channels());
  }

  @Test
  void unknownConvNameListsTheValidOnes() {
    assertThatThrownBy(
            () -> loader.load("model:\n  channels:\n    layer9: 3\n", "cfg.yaml", List.of()))
        .hasMessageContaining("cfg.yaml:2: key 'model.channels'")
        .hasMessageContaining("no conv 'layer9'")
        .hasMessageContaining(
            "[prep, layer1, layer1_res_a, layer1_res_b, layer2, layer3, layer3_res_a, layer3_res_b]");
  }

  @Test
  void aConvMeetingAResidualAddIsNarrowedOnlyWithItsGroup() {
    assertThatThrownBy(
            () ->
                loader.load(
                    "model: {architecture: resnet18, channels: {stage2_block1.b: 10}}\n",
                    "cfg.yaml",
                    List.of()))
        .hasMessageContaining("key 'model.channels'")
        .hasMessageContaining(
            "convs [stage2_block1.b, stage2_block1.shortcut, stage2_block2.b] meet at a residual addition");
    assertThat(
            loader
                .load(
                    "model: {architecture: resnet9, width: 0.25, channels: {layer1: 16, layer1_res_b: 16}}\n",
                    "cfg.yaml",
                    List.of())
                .config()
                .model()
                .channels())
        .containsEntry("layer1_res_b", 16);
  }

  @Test
  void countsMustBePositiveWholeNumbersInAMapping() {
    assertThatThrownBy(() -> loader.load("model: {channels: {layer2: 0}}\n", "cfg.yaml", List.of()))
        .hasMessageContaining(
            "key 'model.channels' entry 'layer2' must be a channel count >= 1, got 0");
    assertThatThrownBy(() -> loader.load("model: {channels: 12}\n", "cfg.yaml", List.of()))
        .hasMessageContaining("key 'model.channels' must be a mapping");
    assertThatThrownBy(
            () -> loader.load("model: {channels: {layer2: many}}\n", "cfg.yaml", List.of()))
        .hasMessageContaining("model.channels");
  }

  @Test
  void initWeightsIsAFolderPath() {
    // existence is checked when a run starts (TrainingRunner), so finished runs' configs stay
    // loadable
    assertThat(
            loader
                .load("train: {initWeights: /no/such/weights}\n", "cfg.yaml", List.of())
                .config()
                .train()
                .initWeights())
        .isEqualTo("/no/such/weights");
  }

  @Test
  void stopAtTargetIsABoolean() {
    assertThat(
            loader
                .load("", "a.yaml", List.of("train.stopAtTarget=false"))
                .config()
                .train()
                .stopAtTarget())
        .isFalse();
    assertThatThrownBy(
            () -> loader.load("train: {stopAtTarget: sometimes}\n", "cfg.yaml", List.of()))
        .hasMessageContaining("key 'train.stopAtTarget' must be true or false");
  }
}
