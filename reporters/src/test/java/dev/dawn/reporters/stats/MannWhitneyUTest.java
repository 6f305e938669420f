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
    // Orderings of xxyy: U = 0 (xxyy), 1 (xyxy), 2 (xyyx, yxxy), 3 (yxyx), 4 (yyxx).
    assertThat(MannWhitneyU.uCounts(2, 2)).containsExactly(1, 1, 2, 1, 1);
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
  void tiesUseTheNormalApproximationWithTieCorrection() {
    // By hand: U = 0+0.5+0.5+1.5+2.5 = 5, mean 15, tie groups 3,2,2,2 give sum(t^3 - t) = 42,
    // var = 5*6/12 * (12 - 42/110) = 29.04545, z = (10 - 0.5)/5.38938 = 1.76273, p = 2 * (1 -
    // Phi(z)) = 0.077947.
    MannWhitneyU t =
        MannWhitneyU.test(new double[] {1, 2, 2, 3, 4}, new double[] {2, 3, 4, 5, 5, 6});
    assertThat(t.exact()).isFalse();
    assertThat(t.u()).isEqualTo(5);
    assertThat(t.p()).isCloseTo(0.0779469, within(1e-6));
  }

  @Test
  void infinitiesTieAsTheSlowest() {
    double inf = Double.POSITIVE_INFINITY;
    MannWhitneyU t = MannWhitneyU.test(new double[] {1, 2, inf}, new double[] {3, inf, inf});
    assertThat(t.exact()).isFalse();
    assertThat(t.u()).isEqualTo(0 + 0 + 1 + 0.5 + 0.5);
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
