package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.arch.Architecture;
import dev.dawn.workloads.numerics.HostKernels;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.optimizers.LossScaling;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture builds and takes a training step with a finite loss in every precision, so a
 * kernel missing for one op and dtype (e.g. bf16 Tile in the global-average-pool gradient of the
 * ImageNet ResNets) fails here rather than at the first step of a long run.
 */
class EveryArchitectureMixedPrecisionTest {

  static Stream<Arguments> combinations() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (String arch : Architecture.configNames()) {
      for (Precision p : Precision.values()) {
        all.add(Arguments.of(arch, p));
      }
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("combinations")
  void buildsAndTakesAStepWithAFiniteLoss(String architecture, Precision precision) {
    assumeFalse(HostKernels.wrong(precision), MixedPrecisionTrainingTest.HOST_WRONG);
    ModelSpec tiny = new ModelSpec(architecture, 4, 0.0625, null, null);
    PrecisionSettings settings =
        precision == Precision.FP16
            ? new PrecisionSettings(precision, LossScaling.dynamic(128f, 100))
            : PrecisionSettings.of(precision);
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(tiny, new MomentumOptimizer(5e-4, false), 3L)
                .withPrecision(settings))) {
      float loss = session.trainStep(SyntheticBatches.separable(2, 32, 4, 11), 0.01f, 0.9f);
      assertThat(loss).as(architecture + " " + precision.configName()).isFinite();
    }
  }
}
