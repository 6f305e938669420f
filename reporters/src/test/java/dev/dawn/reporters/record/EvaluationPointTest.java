package dev.dawn.reporters.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluationPointTest {
  @Test
  void wholeEpochsAreWrittenAsIntegersAndFractionsAsFloats() {
    assertThat(EvaluationPoint.epochNumber(7.0)).isEqualTo(7);
    assertThat(EvaluationPoint.epochNumber(6.5)).isEqualTo(6.5);
  }

  @Test
  void labelsShowAtMostThreeDecimals() {
    assertThat(EvaluationPoint.epochLabel(8.756410256410255)).isEqualTo("8.756");
    assertThat(EvaluationPoint.epochLabel(6.5)).isEqualTo("6.5");
    assertThat(EvaluationPoint.epochLabel(9.0)).isEqualTo("9");
  }
}
