package dev.dawn.reporters.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {

  @Test
  void knownSampleGivesTheTextbookFigures() {
    SampleSummary s = SampleSummary.of(new double[] {12, 10, 11, 14, 30});
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.finite()).isEqualTo(5);
    assertThat(s.median()).isEqualTo(12);
    assertThat(s.mean()).isEqualTo(15.4);
    assertThat(s.olympicMean()).isCloseTo((11 + 12 + 14) / 3.0, within(1e-12)); // 10 and 30 dropped
    assertThat(s.min()).isEqualTo(10);
    assertThat(s.max()).isEqualTo(30);
    // deviations -5.4 -4.4 -3.4 -1.4 14.6: squares sum 275.2, / 4 = 68.8
    assertThat(s.stdev()).isCloseTo(Math.sqrt(68.8), within(1e-12));
    assertThat(s.interval().contains(s.median())).isTrue();
  }

  @Test
  void evenSampleMedianIsTheMeanOfTheMiddlePair() {
    assertThat(SampleSummary.of(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
  }

  @Test
  void aMissedTargetCountsAsTheSlowestRun() {
    double inf = Double.POSITIVE_INFINITY;
    SampleSummary one = SampleSummary.of(new double[] {10, 12, inf, 11, 13});
    assertThat(one.n()).isEqualTo(5);
    assertThat(one.finite()).isEqualTo(4);
    assertThat(one.median()).isEqualTo(12);
    assertThat(one.max()).isInfinite();
    assertThat(one.mean()).isInfinite();
    assertThat(one.stdev()).isInfinite();
    assertThat(one.olympicMean())
        .isEqualTo(12); // the miss dropped as worst, 10 as best: (11+12+13)/3

    SampleSummary most = SampleSummary.of(new double[] {10, inf, inf});
    assertThat(most.median()).isInfinite();
    assertThat(most.olympicMean()).isInfinite();
    assertThat(SampleSummary.of(new double[] {inf, inf}).median()).isInfinite(); // not NaN
  }

  @Test
  void singleRunHasNoStdev() {
    SampleSummary s = SampleSummary.of(new double[] {7});
    assertThat(s.median()).isEqualTo(7);
    assertThat(s.olympicMean()).isEqualTo(7);
    assertThat(s.stdev()).isNaN();
    assertThat(s.interval()).isEqualTo(new BootstrapInterval(7, 7));
  }

  @Test
  void refusesNothingAndNaN() {
    assertThatThrownBy(() -> SampleSummary.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleSummary.of(new double[] {1, Double.NaN}))
        .hasMessageContaining("+Infinity");
  }

  @Test
  void bootstrapIntervalContainsTheTrueMedianAndIsReproducible() {
    Random random = new Random(1);
    double[] sample = new double[40];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = 100 + 10 * random.nextGaussian(); // true median 100
    }
    BootstrapInterval ci = BootstrapInterval.ofMedian(sample);
    assertThat(ci.contains(100)).as("%s", ci).isTrue();
    assertThat(ci.low()).isGreaterThan(90);
    assertThat(ci.high()).isLessThan(110);
    assertThat(BootstrapInterval.ofMedian(sample)).isEqualTo(ci); // fixed seed
  }

  @Test
  void bootstrapIntervalExcludesAFarValue() {
    double[] sample = {10, 11, 9, 10.5, 9.5, 10.2, 9.8, 10.1};
    BootstrapInterval ci = BootstrapInterval.ofMedian(sample);
    assertThat(ci.contains(12)).isFalse();
    assertThat(ci.low()).isGreaterThanOrEqualTo(9);
    assertThat(ci.high()).isLessThanOrEqualTo(11);
  }
}
