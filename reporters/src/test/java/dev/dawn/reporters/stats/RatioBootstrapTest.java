package dev.dawn.reporters.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioBootstrapTest {
  private static final double[] TIMES = {100, 104, 97, 110, 95, 102, 99, 106};

  @Test
  void identicalSamplesGiveRatioOneAndAnIntervalHoldingOne() {
    RatioBootstrap r = RatioBootstrap.ofMedians(TIMES, TIMES.clone());
    assertThat(r.ratio()).isEqualTo(1.0);
    assertThat(r.containsOne()).isTrue();
    assertThat(r.low()).isLessThan(1.0);
    assertThat(r.high()).isGreaterThan(1.0);
  }

  @Test
  void aScaledSampleGivesTheScaleAndAnIntervalAwayFromOne() {
    double[] slower = new double[TIMES.length];
    for (int i = 0; i < TIMES.length; i++) {
      slower[i] = TIMES[i] * 1.25;
    }
    RatioBootstrap r = RatioBootstrap.ofMedians(slower, TIMES);
    assertThat(r.ratio()).isCloseTo(1.25, within(1e-12));
    assertThat(r.containsOne()).isFalse();
    assertThat(r.low()).isGreaterThan(1.0).isLessThanOrEqualTo(1.25);
    assertThat(r.high()).isGreaterThanOrEqualTo(1.25);
  }

  @Test
  void aShiftedSampleGivesTheShiftAsRatioOfMedians() {
    double[] shifted = new double[TIMES.length];
    for (int i = 0; i < TIMES.length; i++) {
      shifted[i] = TIMES[i] + 20;
    }
    RatioBootstrap r = RatioBootstrap.ofMedians(shifted, TIMES);
    double medianTimes = OrderStatistics.median(TIMES); // 101
    assertThat(medianTimes).isEqualTo(101.0);
    assertThat(r.ratio()).isCloseTo(121.0 / 101.0, within(1e-12));
    assertThat(r.low()).isGreaterThan(1.0);
  }

  @Test
  void sameSeedSameInterval() {
    double[] other = {90, 120, 101, 99};
    RatioBootstrap a = RatioBootstrap.ofMedians(other, TIMES);
    RatioBootstrap b = RatioBootstrap.ofMedians(other, TIMES);
    assertThat(a).isEqualTo(b);
    RatioBootstrap c = RatioBootstrap.ofMedians(other, TIMES, 0.95, 10_000, 99);
    assertThat(c.ratio()).isEqualTo(a.ratio());
  }

  @Test
  void runsThatNeverGotThereCountAsInfinitelySlow() {
    double inf = Double.POSITIVE_INFINITY;
    assertThat(OrderStatistics.median(new double[] {1, inf, inf})).isInfinite();
    assertThat(OrderStatistics.median(new double[] {1, 3, inf, inf})).isInfinite();
    assertThat(OrderStatistics.median(new double[] {1, 3, 5, inf})).isEqualTo(4.0);
    RatioBootstrap r =
        RatioBootstrap.ofMedians(new double[] {inf, inf, inf}, new double[] {inf, inf, inf});
    assertThat(r.ratio()).isEqualTo(1.0);
    assertThat(r.containsOne()).isTrue();
  }
}
