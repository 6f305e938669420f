package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.ModelWeights;
import org.junit.jupiter.api.Test;

/** A session with accumulation changes no weight until applyAccumulated, and then it does. */
class GradientAccumulationSessionTest {

  @Test
  void microBatchesAccumulateAndOneApplyUpdates() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(new ModelSpec("resnet9", 4, 0.125, null, null), new PlainSgd(0f), 7L)
                .withAccumulationSteps(2))) {
      assertThat(session.accumulationSteps()).isEqualTo(2);
      String kernel = firstKernel(session.weights().read());
      float[] before = session.weights().read().get(kernel).values().clone();
      Batch a = SyntheticBatches.separable(8, 16, 4, 1);
      Batch b = SyntheticBatches.separable(8, 16, 4, 2);
      session.trainStep(a, 0.1f, 0f);
      session.trainStep(b, 0.1f, 0f);
      assertThat(session.weights().read().get(kernel).values()).containsExactly(before);
      session.applyAccumulated(0.1f, 0f);
      assertThat(session.weights().read().get(kernel).values()).isNotEqualTo(before);
    }
  }

  @Test
  void applyWithoutAccumulationIsRefused() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(
                new ModelSpec("resnet9", 4, 0.125, null, null), new PlainSgd(0f), 7L))) {
      assertThatThrownBy(() -> session.applyAccumulated(0.1f, 0f))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static String firstKernel(ModelWeights w) {
    return w.tensors().stream()
        .map(t -> t.name())
        .filter(n -> n.endsWith("kernel"))
        .findFirst()
        .orElseThrow();
  }
}
