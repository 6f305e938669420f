package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.reporters.events.Hyperparameter;
import dev.dawn.reporters.events.MlLogKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ResNet-50 optimizer keys MLPerf asks for, with the values the recipe trains with. */
class MlPerfHyperparametersTest {
  /** 1000 training images: batch 100 gives 10 steps per epoch. */
  private static final int IMAGES = 1000;

  private static TrainConfig config(String yaml) {
    return new ConfigLoader().load(yaml, "t.yaml", List.of()).config();
  }

  private static Map<String, Object> lines(TrainConfig config) {
    Map<String, Object> lines = new LinkedHashMap<>();
    for (Hyperparameter h :
        MlPerfHyperparameters.of(
            config, RecipeSchedules.of(config), IMAGES, TrainingParts.pipelineOptions(config))) {
      assertThat(lines.put(h.key(), h.value())).as("%s logged once", h.key()).isNull();
    }
    return lines;
  }

  private static final String LARS =
      """
      model: {architecture: resnet50}
      train: {epochs: 5, batchSize: 100}
      optimizer:
        name: lars
        learningRate: 2.0
        weightDecay: 0.0002
        larsEpsilon: 0
        warmupEpochs: 1
        schedule: {type: polynomial, end: 0.0001, power: 2}
        momentumSchedule: {type: constant, value: 0.85}
      """;

  @Test
  void aPolynomialLarsRecipeHasEveryKeyOfClosedResnetLars() {
    Map<String, Object> lines = lines(config(LARS));
    assertThat(lines)
        .containsEntry(MlLogKeys.LARS_OPT_BASE_LEARNING_RATE, 2.0)
        .containsEntry(MlLogKeys.LARS_OPT_END_LEARNING_RATE, 0.0001)
        .containsEntry(MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_POLY_POWER, 2.0)
        // decay from epoch 1 (the end of the warmup) to epoch 5: 4 epochs of 10 steps
        .containsEntry(MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_STEPS, 40L)
        .containsEntry(MlLogKeys.LARS_OPT_MOMENTUM, 0.85)
        .containsEntry(MlLogKeys.LARS_OPT_WEIGHT_DECAY, 0.0002)
        .containsEntry(MlLogKeys.LARS_EPSILON, 0.0)
        .containsEntry(MlLogKeys.LARS_OPT_LEARNING_RATE_WARMUP_EPOCHS, 1.0)
        .containsEntry(MlLogKeys.MODEL_BN_SPAN, 100)
        .hasSize(9);
    assertThat(MlPerfHyperparameters.keys(config(LARS).optimizer().name()).optName())
        .isEqualTo("lars");
  }

  @Test
  void decayStepsCountOptimizerUpdatesAndBatchNormSeesOneMicroBatch() {
    // Accumulating 2 micro-batches of 50: 20 micro-batches and 10 updates per epoch. A decay from
    // epoch 1.5 skips the updates of the first half of epoch 2.
    TrainConfig c =
        config(
            LARS.replace(
                    "train: {epochs: 5, batchSize: 100}",
                    "train: {epochs: 5, batchSize: 100, accumulationSteps: 2}")
                .replace("power: 2}", "power: 2, startEpoch: 1.5}"));
    Map<String, Object> lines = lines(c);
    assertThat(lines).containsEntry(MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_STEPS, 5L + 3 * 10L);
    assertThat(lines).containsEntry(MlLogKeys.MODEL_BN_SPAN, 50);
  }

  @Test
  void anSgdRecipeWithoutPolynomialDecayLeavesOutWhatItDoesNotHave() {
    TrainConfig c =
        config(
            """
            model: {architecture: resnet50}
            train: {epochs: 4, batchSize: 100}
            optimizer:
              name: momentum
              learningRate: 0.8
              warmupEpochs: 1
              schedule: {type: linear_cosine}
              momentumSchedule: {type: dynamic_momentum, min: 0.9, max: 0.98, minLr: 0.01, maxLr: 0.8}
            """);
    Map<String, Object> lines = lines(c);
    assertThat(lines.keySet())
        .containsExactly(
            MlLogKeys.MODEL_BN_SPAN,
            MlLogKeys.SGD_OPT_BASE_LEARNING_RATE,
            MlLogKeys.SGD_OPT_END_LEARNING_RATE,
            MlLogKeys.SGD_OPT_WEIGHT_DECAY);
    assertThat(lines).containsEntry(MlLogKeys.SGD_OPT_BASE_LEARNING_RATE, 0.8);
    // the rate the schedule reaches at the last epoch
    assertThat((double) lines.get(MlLogKeys.SGD_OPT_END_LEARNING_RATE))
        .isEqualTo(RecipeSchedules.of(c).learningRate().at(4));
    assertThat(MlPerfHyperparameters.keys(c.optimizer().name()).optName()).isEqualTo("sgd");
  }

  @Test
  void otherModelsHaveNone() {
    assertThat(lines(config(LARS.replace("resnet50", "resnet9")))).isEmpty();
  }
}
