package dev.dawn.reporters.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import org.junit.jupiter.api.Test;

class AccuracyMarkTest {
  static final AccuracyTarget TOP5_93 = new AccuracyTarget("top5Accuracy", 93.0);
  static final TopAccuracy FP32 = new TopAccuracy(66.17, 95.50);

  @Test
  void bf16ThatLostEightPointsTop1AndFellUnderTheTargetGetsBothMarks() {
    // make bench-train's model, --limit 600: fp32 66.17 / 95.50, bf16 57.83 / 90.50
    AccuracyMark m = AccuracyMark.of(new TopAccuracy(57.83, 90.50), FP32, 1.0, TOP5_93);
    assertThat(m.top1Change()).isEqualTo(-8.34);
    assertThat(m.top5Change()).isEqualTo(-5.0);
    assertThat(m.lostAccuracy()).isTrue();
    assertThat(m.underTarget()).isTrue();
    assertThat(m.words())
        .containsExactly(
            "lost 8.34 points top-1 against fp32 (budget 1)", "top-5 under the 93% target");
  }

  @Test
  void exactlyTheBudgetIsKeptAndAHairMoreIsLost() {
    // 66.17 - 65.17 is 1.0000000000000142 in binary; in the logged decimals it is 1.00.
    AccuracyMark atBudget = AccuracyMark.of(new TopAccuracy(65.17, 95.5), FP32, 1.0, TOP5_93);
    assertThat(atBudget.lostAccuracy()).isFalse();
    assertThat(atBudget.marked()).isFalse();
    assertThat(atBudget.words()).isEmpty();
    assertThat(AccuracyMark.of(new TopAccuracy(65.16, 95.5), FP32, 1.0, TOP5_93).lostAccuracy())
        .isTrue();
    // A wider budget lets the same variant through; a gain is never a loss.
    assertThat(AccuracyMark.of(new TopAccuracy(65.16, 95.5), FP32, 2.0, TOP5_93).marked())
        .isFalse();
    assertThat(AccuracyMark.of(new TopAccuracy(70.0, 95.5), FP32, 0.0, TOP5_93).marked()).isFalse();
  }

  @Test
  void theTargetIsReachedAtItsThresholdAndReadOnTheTasksMetric() {
    assertThat(AccuracyMark.of(new TopAccuracy(60, 93.0), FP32, 100, TOP5_93).underTarget())
        .isFalse();
    assertThat(AccuracyMark.of(new TopAccuracy(60, 92.99), FP32, 100, TOP5_93).underTarget())
        .isTrue();
    // CIFAR10 gates on top-1 (94%): a top-5 of 100% does not help.
    AccuracyTarget cifar = new AccuracyTarget("top1Accuracy", 94.0);
    AccuracyMark m = AccuracyMark.of(new TopAccuracy(93.5, 100), null, 1.0, cifar);
    assertThat(m.underTarget()).isTrue();
    assertThat(m.words()).containsExactly("top-1 under the 94% target");
  }

  @Test
  void withoutAnFp32ReferenceThereIsNoChangeAndNoLoss() {
    AccuracyMark m = AccuracyMark.of(new TopAccuracy(10, 20), null, 1.0, TOP5_93);
    assertThat(m.top1Change()).isNaN();
    assertThat(m.lostAccuracy()).isFalse();
    assertThat(m.underTarget()).isTrue();
  }

  @Test
  void aBudgetMustBeAFiniteNumberOfPoints() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> AccuracyMark.of(FP32, FP32, bad, TOP5_93))
          .hasMessageContaining("budget");
    }
  }
}
