package dev.dawn.reporters.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of a sample's median: {@link #RESAMPLES} resamples drawn
 * with replacement from a generator with a fixed seed, so the same sample always gives the same
 * interval.
 *
 * @param low lower bound ({@code level/2} quantile of the resampled medians)
 * @param high upper bound; {@code +Infinity} when the resamples' upper tail is made of runs that
 *     missed the target
 */
public record BootstrapInterval(double low, double high) {
  public static final int RESAMPLES = 2000;
  public static final long SEED = 13L;

  /**
   * The 95% interval of the median of {@code sample} (needs at least one value; NaN is not
   * allowed).
   */
  public static BootstrapInterval ofMedian(double[] sample) {
    return ofMedian(sample, 0.95);
  }

  public static BootstrapInterval ofMedian(double[] sample, double level) {
    if (sample.length == 0) {
      throw new IllegalArgumentException("a bootstrap interval needs at least one value");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] medians = new double[RESAMPLES];
    double[] resample = new double[sample.length];
    for (int b = 0; b < RESAMPLES; b++) {
      OrderStatistics.draw(sample, resample, random);
      medians[b] = OrderStatistics.median(resample);
    }
    Arrays.sort(medians);
    double tail = (1 - level) / 2;
    return new BootstrapInterval(
        OrderStatistics.quantile(medians, tail), OrderStatistics.quantile(medians, 1 - tail));
  }

  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
