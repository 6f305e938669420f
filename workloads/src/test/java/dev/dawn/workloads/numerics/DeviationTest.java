package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.precision.Precision;
import org.junit.jupiter.api.Test;

class DeviationTest {
  private static Expected expected(double[] v, double[] bound) {
    return new Expected(new Nhwc(1, 1, 1, v.length, v), bound);
  }

  @Test
  void theWorstElementIsTheOneFarthestBeyondItsOwnBound() {
    Deviation d =
        Deviation.of(
            "x",
            new float[] {1.5f, 10.5f, 3f},
            expected(new double[] {1, 10, 3}, new double[] {1, 0.25, 0}));
    assertThat(d.ratio()).isEqualTo(2.0);
    assertThat(d.exact()).isEqualTo(10.0);
    assertThat(d.withinBound()).isFalse();
  }

  @Test
  void aNanOutputIsInfinitelyWrong() {
    Deviation d =
        Deviation.of("x", new float[] {Float.NaN}, expected(new double[] {1}, new double[] {1}));
    assertThat(d.ratio()).isInfinite();
    assertThat(d.withinBound()).isFalse();
  }

  @Test
  void exactAgreementWithAZeroBoundPasses() {
    Deviation d = Deviation.of("x", new float[] {2f}, expected(new double[] {2}, new double[] {0}));
    assertThat(d.ratio()).isZero();
    assertThat(d.withinBound()).isTrue();
  }

  @Test
  void boundsFollowTheUnitRoundoff() {
    assertThat(Precision.BF16.unitRoundoff()).isEqualTo(Math.scalb(1.0, -8));
    assertThat(Precision.FP16.unitRoundoff()).isEqualTo(Math.scalb(1.0, -11));
    assertThat(Precision.FP32.unitRoundoff()).isEqualTo(Math.scalb(1.0, -24));
    // a 9-term product sum with bias in bf16: three roundings of 2^-8 plus float32 accumulation
    double b = ErrorBound.linear(100, 9, Precision.BF16);
    assertThat(b).isBetween(3 * 100 / 256.0, 3 * 100 / 256.0 + 100 * 11 * Math.scalb(1.0, -23));
  }
}
