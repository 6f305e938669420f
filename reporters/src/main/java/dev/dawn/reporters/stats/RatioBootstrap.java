package dev.dawn.reporters.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio of two samples' medians with a percentile bootstrap confidence interval: each resample
 * draws both samples again with replacement (independently, same sizes) and takes the ratio of
 * their medians; the interval is the central {@code level} share of those ratios. The random stream
 * is seeded, so the same samples always give the same interval.
 *
 * <p>Infinite values (runs that never reached the target, counted as infinitely slow) take part: a
 * median of infinity over a finite one gives an infinite ratio, a finite one over infinity gives 0,
 * and infinity over infinity gives 1 (neither side got there: no difference).
 *
 * @param ratio median(numerator) / median(denominator) of the samples as given
 * @param low lower bound of the interval
 * @param high upper bound of the interval
 * @param level confidence level, e.g. 0.95
 * @param resamples number of bootstrap resamples
 * @param seed seed of the resampling stream
 */
public record RatioBootstrap(
    double ratio, double low, double high, double level, int resamples, long seed) {
  public static final int DEFAULT_RESAMPLES = 10_000;

  /** Fixed so that a comparison printed twice prints the same interval. */
  public static final long DEFAULT_SEED = 13L;

  /** 95% interval, {@value #DEFAULT_RESAMPLES} resamples, seed {@value #DEFAULT_SEED}. */
  public static RatioBootstrap ofMedians(double[] numerator, double[] denominator) {
    return ofMedians(numerator, denominator, 0.95, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  public static RatioBootstrap ofMedians(
      double[] numerator, double[] denominator, double level, int resamples, long seed) {
    if (numerator.length == 0 || denominator.length == 0) {
      throw new IllegalArgumentException(
          "a ratio of medians needs at least one value on each side");
    }
    if (!(level > 0 && level < 1) || resamples < 1) {
      throw new IllegalArgumentException("level must be in (0, 1) and resamples at least 1");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] ratios = new double[resamples];
    double[] num = new double[numerator.length];
    double[] den = new double[denominator.length];
    for (int r = 0; r < resamples; r++) {
      OrderStatistics.draw(numerator, num, random);
      OrderStatistics.draw(denominator, den, random);
      ratios[r] = ratio(OrderStatistics.median(num), OrderStatistics.median(den));
    }
    Arrays.sort(ratios);
    double tail = (1 - level) / 2;
    return new RatioBootstrap(
        ratio(OrderStatistics.median(numerator), OrderStatistics.median(denominator)),
        OrderStatistics.quantile(ratios, tail),
        OrderStatistics.quantile(ratios, 1 - tail),
        level,
        resamples,
        seed);
  }

  /** True when the interval holds 1, i.e. the data do not rule out "no difference". */
  public boolean containsOne() {
    return low <= 1 && 1 <= high;
  }

  static double ratio(double num, double den) {
    if (Double.isInfinite(num) && Double.isInfinite(den)) {
      return 1;
    }
    return num / den;
  }
}
