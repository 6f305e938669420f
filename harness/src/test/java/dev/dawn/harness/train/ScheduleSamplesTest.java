package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.harness.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sampled recipes match the published records' schedules (docs/recipes.md), point by point. */
class ScheduleSamplesTest {
  static ScheduleSamples of(String file, String scale) {
    var config =
        new ConfigLoader()
            .load(Path.of("..", "reference-configs", file), scale, List.of())
            .config();
    return ScheduleSamples.of(config, 50);
  }

  static int at(ScheduleSamples s, double epoch) {
    for (int i = 0; i < s.epochs().length; i++)
      if (Math.abs(s.epochs()[i] - epoch) < 1e-9) return i;
    throw new AssertionError("no sample at epoch " + epoch);
  }

  @Test
  void huaweiMarch2019WarmsUpTo28DecaysTo0point2AndTiesMomentumToTheRate() {
    var s = of("huawei-2019-03.yaml", null);
    assertThat(s.epochs()).hasSize(35 * 50 + 1);
    assertThat(s.learningRate()[0]).isCloseTo(0.2, within(1e-9));
    assertThat(s.learningRate()[at(s, 3.5)]).isCloseTo(28.0, within(1e-3));
    assertThat(s.learningRate()[at(s, 35)]).isCloseTo(0.2, within(1e-3));
    assertThat(s.momentum()[at(s, 3.5)]).isCloseTo(0.9, within(1e-4));
    assertThat(s.momentum()[at(s, 35)]).isCloseTo(0.98, within(1e-4));
    assertThat(s.resolution()[at(s, 29.98)]).isEqualTo(128);
    assertThat(s.resolution()[at(s, 30)]).isEqualTo(224);
    assertThat(s.batchSize()[at(s, 34)]).isEqualTo(16384);
    assertThat(s.resolution()[at(s, 35)])
        .as("the closing point belongs to the last epoch")
        .isEqualTo(288);
  }

  @Test
  void fastAiStepsTheRateWhereTheJsonSegmentsEnd() {
    var s = of("fastai-2018-09.yaml", null);
    assertThat(s.learningRate()[0]).isCloseTo(1.88, within(1e-9));
    assertThat(s.learningRate()[at(s, 5.98)]).isCloseTo(3.76, within(0.02));
    assertThat(s.learningRate()[at(s, 6)]).isCloseTo(1.88, within(1e-9));
    assertThat(s.learningRate()[at(s, 16)]).isCloseTo(0.2506667, within(1e-9));
    assertThat(s.learningRate()[at(s, 20)]).isCloseTo(0.02506667, within(1e-9));
    assertThat(s.learningRate()[at(s, 39)]).isCloseTo(0.0376, within(1e-9));
    assertThat(s.batchSize()[at(s, 6)]).isEqualTo(16384);
    assertThat(s.batchSize()[at(s, 16)]).isEqualTo(8192);
    assertThat(s.batchSize()[at(s, 19)]).isEqualTo(24576);
    assertThat(s.resolution()[at(s, 37)]).isEqualTo(288);
  }

  @Test
  void scaledGoogleKeepsGoyalsWarmupAndTenfoldSteps() {
    var s = of("google-tpupod-2018-04.yaml", "cpu");
    assertThat(s.learningRate()[0]).isZero();
    assertThat(s.learningRate()[at(s, 0.5)]).isCloseTo(0.05, within(1e-9));
    assertThat(s.learningRate()[at(s, 5.98)]).isCloseTo(0.1, within(1e-9));
    assertThat(s.learningRate()[at(s, 6)]).isCloseTo(0.01, within(1e-9));
    assertThat(s.learningRate()[at(s, 16)]).isCloseTo(0.0001, within(1e-12));
    assertThat(s.resolution()).containsOnly(56.0);
  }
}
