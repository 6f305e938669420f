package dev.dawn.workloads.inference.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Known distributions. For N(0,1) with 1e5 samples: the two-sided 99.99 % point of |x| is 3.89; the
 * KL threshold lands in 2.5..5 sigma (the TensorRT method clips a Gaussian somewhere around 3-4.5
 * sigma depending on the histogram range); min-max follows the largest sample, i.e. the outliers.
 */
class CalibratorTest {
  private static float[] gaussian(int n, long seed) {
    Random rnd = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return v;
  }

  private static float[] withOutliers(float[] v, float value, int count) {
    float[] w = v.clone();
    for (int i = 0; i < count; i++) {
      w[i * 997] = i % 2 == 0 ? value : -value;
    }
    return w;
  }

  @Test
  void uniformDataGivesTheFullRangeForMinMaxAndNearlyForTheOthers() {
    Random rnd = new Random(5);
    float[] u = new float[100_000];
    for (int i = 0; i < u.length; i++) {
      u[i] = 6f * rnd.nextFloat(); // ReLU-like: non-negative
    }
    MinMaxCalibrator mm = new MinMaxCalibrator();
    mm.observe(u);
    assertThat(mm.range().min()).isCloseTo(0f, within(1e-3f));
    assertThat(mm.range().max()).isCloseTo(6f, within(1e-3f));

    PercentileCalibrator pc = new PercentileCalibrator(99.99);
    pc.observe(u);
    assertThat(pc.range().min()).isZero(); // never saw a negative value
    assertThat(pc.range().max()).isCloseTo(6f, within(0.01f));

    EntropyCalibrator ec = new EntropyCalibrator();
    ec.observe(u);
    System.out.println("uniform[0,6) entropy range " + ec.range());
    assertThat(ec.range().min()).isZero();
    assertThat(ec.range().max())
        .isBetween(5.0f, 6.0f); // a flat distribution has no tail worth clipping
  }

  @Test
  void gaussianWithOutliersIsClippedByPercentileAndEntropyButNotMinMax() {
    float[] v = withOutliers(gaussian(100_000, 9), 50f, 4);
    MinMaxCalibrator mm = new MinMaxCalibrator();
    PercentileCalibrator pc = new PercentileCalibrator(99.99);
    EntropyCalibrator ec = new EntropyCalibrator();
    for (ActivationCalibrator c : new ActivationCalibrator[] {mm, pc, ec}) {
      c.observe(v);
    }
    System.out.println(
        "gaussian+outliers: minmax "
            + mm.range()
            + " p99.99 "
            + pc.range()
            + " entropy "
            + ec.range());
    assertThat(mm.range().amax()).isEqualTo(50f);
    assertThat(pc.range().amax()).isCloseTo(3.89f, within(0.2f));
    assertThat(pc.range().min()).isEqualTo(-pc.range().max());
    assertThat(ec.range().amax()).isBetween(2.5f, 5.0f);
  }

  @Test
  void entropyThresholdForAPlainGaussianIsInTheExpectedBand() {
    EntropyCalibrator ec = new EntropyCalibrator();
    ec.observe(gaussian(100_000, 21));
    float amax = ec.range().amax();
    System.out.println("N(0,1) 1e5 entropy amax " + amax);
    assertThat(amax).isBetween(2.5f, 5.0f);
  }

  @Test
  void histogramGrowsWhenLaterBatchesAreWider() {
    PercentileCalibrator pc = new PercentileCalibrator(100);
    float[] small = new float[1000];
    java.util.Arrays.fill(small, 1f);
    pc.observe(small);
    float[] wide = {0.5f, 7.9f};
    pc.observe(wide);
    assertThat(pc.range().max())
        .isCloseTo(7.9f, within(8f / 1024)); // width at most doubled 3 times
    MinMaxCalibrator mm = new MinMaxCalibrator();
    mm.observe(small);
    mm.observe(new float[] {-3f});
    assertThat(mm.range()).isEqualTo(new ActivationRange(-3f, 1f));
  }

  @Test
  void emptyOrBadInputIsRejected() {
    assertThatThrownBy(() -> new MinMaxCalibrator().range()).hasMessageContaining("no values");
    assertThatThrownBy(() -> new EntropyCalibrator().range()).hasMessageContaining("no values");
    assertThatThrownBy(() -> new PercentileCalibrator(0)).hasMessageContaining("(0, 100]");
    assertThatThrownBy(() -> new PercentileCalibrator(99.9).observe(new float[] {Float.NaN}))
        .hasMessageContaining("finite");
  }
}
