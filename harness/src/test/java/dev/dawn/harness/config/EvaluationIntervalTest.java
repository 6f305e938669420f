package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationIntervalTest {
  private final ConfigLoader loader = new ConfigLoader();

  private double load(String value) {
    return loader
        .load("train:\n  evalEveryEpochs: " + value + "\n", "cfg.yaml", List.of())
        .config()
        .train()
        .evalEveryEpochs();
  }

  @Test
  void acceptsWholeFractionsOfAnEpochAndWholeEpochs() {
    assertThat(load("1.0")).isEqualTo(1.0);
    assertThat(load("0.25")).isEqualTo(0.25);
    assertThat(load("0.2")).isEqualTo(0.2);
    assertThat(load("0.3333333333333333")).isEqualTo(1 / 3.0);
    assertThat(load("3")).isEqualTo(3.0);
    assertThat(EvaluationInterval.perEpoch(0.25)).isEqualTo(4);
    assertThat(EvaluationInterval.perEpoch(3)).isEqualTo(1);
    assertThat(EvaluationInterval.epochsBetween(3)).isEqualTo(3);
    assertThat(EvaluationInterval.epochsBetween(0.5)).isEqualTo(1);
  }

  @Test
  void refusesOtherIntervalsNamingTheKeyAndTheRule() {
    for (String bad : List.of("0", "-0.5", "0.3", "1.5", "0.001")) {
      assertThatThrownBy(() -> load(bad))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cfg.yaml:2")
          .hasMessageContaining("train.evalEveryEpochs")
          .hasMessageContaining("must be 1/N of an epoch");
    }
  }
}
