package dev.dawn.reporters.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyUTest {

  @Test
  void threeAgainstThreeFullySeparatedGivesTheSmallestExactP() {
    // Of the C(6,3) = 20 orderings, only "all x below" and "all x above" are as extreme: p = 2/20.
    MannWhitneyU t = MannWhitneyU.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertThat(t.exact()).isTrue();
    assertThat(t.u()).isEqualTo(0);
    assertThat(t.p()).isCloseTo(0.1, within(1e-12));
    assertThat(MannWhitneyU.smallestExactP(3, 3)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void fiveAgainstFiveFullySeparated() {
    // 2 / C(10,5) = 2/252; the same as a textbook table's two-sided critical value for U = 0.
    MannWhitneyU t = MannWhitneyU.test(new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5});
    assertThat(t.u()).isEqualTo(25);
    assertThat(t.p()).isCloseTo(2.0 / 252, within(1e-12));
  }

  @Test
  void exactNullDistributionOfTwoAndTwo() {
    // Orderings of xxyy: U = 0 (xxyy), 1 (xyxy), 2 (xyyx, yxxy), 3 (yxyx), 4 (yyxx); the rank sum
    // of the x's is U + 3, doubled here: 6, 8, 10, 12, 14.
    double[] counts = MannWhitneyU.rankSumCounts(new int[] {2, 4, 6, 8}, 2);
    assertThat(java.util.Arrays.copyOfRange(counts, 6, 15))
        .containsExactly(1, 0, 1, 0, 2, 0, 1, 0, 1);
  }

  @Test
  void unequalSizesExact() {
    // SciPy's exact method gives p = 0.013986013986 = 24/1716 = 2 * 12 / C(13,6).
    double[] x = {3.1, 4.5, 2.2, 5.0, 6.1, 3.3};
    double[] y = {4.0, 7.2, 6.5, 8.1, 5.5, 9.0, 7.7};
    MannWhitneyU t = MannWhitneyU.test(x, y);
    assertThat(t.u()).isEqualTo(4); // 4.5>4.0, 5.0>4.0, 6.1>4.0, 6.1>5.5
    assertThat(t.exact()).isTrue();
    assertThat(t.p()).isCloseTo(24.0 / 1716, within(1e-12));
  }

  @Test
  void tiesAreExactOverMidRanks() {
    // Enumerating all C(11,5) = 462 picks of mid-ranks (by a separate script): 22 rank sums are at
    // or below the observed one, so p = 2 * 22 / 462. The normal approximation gave 0.0779.
    MannWhitneyU t =
        MannWhitneyU.test(new double[] {1, 2, 2, 3, 4}, new double[] {2, 3, 4, 5, 5, 6});
    assertThat(t.exact()).isTrue();
    assertThat(t.u()).isEqualTo(5);
    assertThat(t.p()).isCloseTo(44.0 / 462, within(1e-12));
  }

  @Test
  void infinitiesTieAsTheSlowest() {
    double inf = Double.POSITIVE_INFINITY;
    MannWhitneyU t = MannWhitneyU.test(new double[] {1, 2, inf}, new double[] {3, inf, inf});
    assertThat(t.exact()).isTrue();
    assertThat(t.u()).isEqualTo(0 + 0 + 1 + 0.5 + 0.5);
    assertThat(t.p()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void threeReachedAgainstThreeMissedIsTheSmallestExactP() {
    // Every B run missed (an equal infinity): the most extreme split there is, p = 2/20, not the
    // normal approximation's 0.064.
    double inf = Double.POSITIVE_INFINITY;
    MannWhitneyU t = MannWhitneyU.test(new double[] {150, 170, 160}, new double[] {inf, inf, inf});
    assertThat(t.exact()).isTrue();
    assertThat(t.p()).isCloseTo(MannWhitneyU.smallestExactP(3, 3), within(1e-12));
  }

  @Test
  void largeSamplesUseTheNormalApproximation() {
    // 21 against 21, fully separated: U = 0, mean 220.5, variance 21 * 21 / 12 * 43 = 1580.25,
    // z = (220.5 - 0.5) / 39.7524 = 5.53426, p = erfc(z / sqrt 2) = 3.1254e-8.
    double[] x = new double[21];
    double[] y = new double[21];
    for (int i = 0; i < 21; i++) {
      x[i] = i + 1;
      y[i] = i + 22;
    }
    MannWhitneyU t = MannWhitneyU.test(x, y);
    assertThat(t.exact()).isFalse();
    assertThat(t.u()).isEqualTo(0);
    assertThat(t.p()).isCloseTo(3.1254e-8, within(1e-11));
  }

  @Test
  void identicalSamplesGivePOne() {
    MannWhitneyU t = MannWhitneyU.test(new double[] {5, 5, 5}, new double[] {5, 5, 5});
    assertThat(t.p()).isEqualTo(1.0);
  }

  @Test
  void refusesEmptySamplesAndNaN() {
    assertThatThrownBy(() -> MannWhitneyU.test(new double[] {}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MannWhitneyU.test(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
