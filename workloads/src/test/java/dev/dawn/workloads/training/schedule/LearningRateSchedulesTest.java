package dev.dawn.workloads.training.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values below are worked out by hand from the formulas in the class comments. */
class LearningRateSchedulesTest {

  private static final double EPS = 1e-12;

  @Test
  void linearCosineMatchesTensorFlowWithDefaults() {
    LinearCosineDecay lcd = LinearCosineDecay.withTensorFlowDefaults(1.0, 10);
    // t = 0: (0 + 1)·1 + 0.001 — TF's schedule starts slightly above the initial rate.
    assertThat(lcd.at(0)).isCloseTo(1.001, within(EPS));
    // t = 2.5: linear 0.75, cosine 0.5·(1 + cos(π/4)) = 0.853553390593...
    assertThat(lcd.at(2.5)).isCloseTo(0.75 * 0.8535533905932737 + 0.001, within(EPS));
    // t = 5: linear 0.5, cosine 0.5 -> 0.251
    assertThat(lcd.at(5)).isCloseTo(0.251, within(EPS));
    // t >= decay_steps: beta only
    assertThat(lcd.at(10)).isCloseTo(0.001, within(EPS));
    assertThat(lcd.at(25)).isCloseTo(0.001, within(EPS));
  }

  @Test
  void linearCosineWithAlphaBetaAndSeveralPeriods() {
    LinearCosineDecay lcd = new LinearCosineDecay(2.0, 0, 8, 0.1, 0.2, 2);
    // t = 1: linear 7/8, cos(π·4/8) = 0 -> cosine 0.5; (0.1 + 0.875)·0.5 + 0.2 = 0.6875; ×2
    assertThat(lcd.at(1)).isCloseTo(1.375, within(EPS));
    // t = 2: cos(π) = −1 -> cosine 0 -> beta 0.2; ×2
    assertThat(lcd.at(2)).isCloseTo(0.4, within(EPS));
    // t = 4: linear 0.5, cos(2π) = 1 -> (0.6)·1 + 0.2 = 0.8; ×2
    assertThat(lcd.at(4)).isCloseTo(1.6, within(EPS));
  }

  @Test
  void linearCosineCanStartAfterAWarmup() {
    LinearCosineDecay lcd = new LinearCosineDecay(1.0, 3, 10, 0, 0.001, 0.5);
    assertThat(lcd.at(0)).isCloseTo(1.001, within(EPS));
    assertThat(lcd.at(8)).isCloseTo(0.251, within(EPS));
    assertThat(lcd.at(13)).isCloseTo(0.001, within(EPS));
  }

  @Test
  void huaweiReadingGoesExactlyFromMaxToMin() {
    // initial = max − min, beta = min/(max − min): 28 at the start of the decay, 0.2 at its end.
    LinearCosineDecay lcd = new LinearCosineDecay(27.8, 3.5, 28.7, 0, 0.2 / 27.8, 0.5);
    assertThat(lcd.at(3.5)).isCloseTo(28.0, within(1e-9));
    assertThat(lcd.at(32.2)).isCloseTo(0.2, within(1e-9));
    assertThat(lcd.at(35)).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void warmupRampsToTheWrappedValueAndHandsOverAtTheBoundary() {
    StepDecay goyal = StepDecay.withFactor(3.2, List.of(30.0, 60.0, 80.0), 0.1);
    LinearWarmup warm = new LinearWarmup(5, 0.1, goyal);
    assertThat(warm.at(0)).isCloseTo(0.1, within(EPS));
    assertThat(warm.at(2.5)).isCloseTo(1.65, within(EPS));
    assertThat(warm.at(4.9)).isCloseTo(0.1 + 3.1 * 0.98, within(EPS));
    assertThat(warm.at(5)).isCloseTo(3.2, within(EPS));
    assertThat(warm.at(29.99)).isCloseTo(3.2, within(EPS));
  }

  @Test
  void warmupTargetsTheWrappedScheduleAtTheBoundaryEpoch() {
    // The wrapped schedule is already decaying at epoch 2: the ramp aims at its value there.
    LinearWarmup warm = new LinearWarmup(2, 0, LinearCosineDecay.withTensorFlowDefaults(1.0, 10));
    double atBoundary = 0.5 * (0.8 * 0.5 * (1 + Math.cos(Math.PI * 0.2)) + 0.001);
    assertThat(warm.at(1)).isCloseTo(atBoundary, within(EPS));
    assertThat(warm.at(2)).isCloseTo(2 * atBoundary, within(EPS));
  }

  @Test
  void zeroLengthWarmupIsTheWrappedSchedule() {
    LinearWarmup warm = new LinearWarmup(0, 0.0, new ConstantSchedule(0.7));
    assertThat(warm.at(0)).isEqualTo(0.7);
  }

  @Test
  void polynomialDecayLikeMlperf() {
    PolynomialDecay poly = new PolynomialDecay(2.0, 1e-4, 2, 5, 35);
    assertThat(poly.at(0)).isCloseTo(2.0, within(EPS));
    assertThat(poly.at(5)).isCloseTo(2.0, within(EPS));
    assertThat(poly.at(20)).isCloseTo(1e-4 + (2.0 - 1e-4) * 0.25, within(EPS));
    assertThat(poly.at(35)).isCloseTo(1e-4, within(EPS));
    assertThat(poly.at(40)).isCloseTo(1e-4, within(EPS));
    // power 2.2 (Fujitsu): halfway is 0.5^2.2 = 0.217637640824...
    assertThat(new PolynomialDecay(1, 0, 2.2, 0, 10).at(5))
        .isCloseTo(0.21763764082403103, within(1e-12));
  }

  @Test
  void piecewiseLinearIsPagesOneCycle() {
    PiecewiseLinear page = PiecewiseLinear.of(new double[] {0, 5, 24}, new double[] {0, 0.4, 0});
    assertThat(page.at(-1)).isEqualTo(0.0);
    assertThat(page.at(0)).isEqualTo(0.0);
    assertThat(page.at(2.5)).isCloseTo(0.2, within(EPS));
    assertThat(page.at(5)).isCloseTo(0.4, within(EPS));
    assertThat(page.at(14.5)).isCloseTo(0.2, within(EPS));
    assertThat(page.at(24)).isCloseTo(0.0, within(EPS));
    assertThat(page.at(30)).isEqualTo(0.0);
    PiecewiseLinear finalPage =
        PiecewiseLinear.of(new double[] {0, 2, 8}, new double[] {0, 1.0, 0.1});
    assertThat(finalPage.at(9.5)).isCloseTo(0.1, within(EPS));
    assertThat(finalPage.at(5)).isCloseTo(0.55, within(EPS));
  }

  @Test
  void stepDecayChangesAtTheBoundary() {
    StepDecay goyal = StepDecay.withFactor(3.2, List.of(30.0, 60.0, 80.0), 0.1);
    assertThat(goyal.at(29.999)).isCloseTo(3.2, within(EPS));
    assertThat(goyal.at(30)).isCloseTo(0.32, within(EPS));
    assertThat(goyal.at(60)).isCloseTo(0.032, within(EPS));
    assertThat(goyal.at(85)).isCloseTo(0.0032, within(EPS));
    StepDecay explicit = new StepDecay(List.of(1.0), List.of(5.0, 7.0));
    assertThat(explicit.at(0.5)).isEqualTo(5.0);
    assertThat(explicit.at(1.0)).isEqualTo(7.0);
  }

  @Test
  void rejectsMalformedSchedules() {
    assertThatThrownBy(() -> new StepDecay(List.of(1.0, 2.0), List.of(1.0, 2.0)))
        .hasMessageContaining("2 boundaries need 3 values");
    assertThatThrownBy(() -> new StepDecay(List.of(2.0, 1.0), List.of(1.0, 2.0, 3.0)))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> PiecewiseLinear.of(new double[] {0, 5, 5}, new double[] {0, 1, 2}))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> new LinearCosineDecay(1, 0, 0, 0, 0, 0.5))
        .hasMessageContaining("decayEpochs");
    assertThatThrownBy(() -> new PolynomialDecay(1, 0, 2, 5, 5)).hasMessageContaining("endEpoch");
    assertThatThrownBy(() -> new ConstantSchedule(Double.NaN)).hasMessageContaining("value");
  }
}
