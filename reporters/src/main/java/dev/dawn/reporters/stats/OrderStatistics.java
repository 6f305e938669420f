package dev.dawn.reporters.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median, quantiles and bootstrap draws that every statistic in this package uses, defined
 * once.
 */
public final class OrderStatistics {
  private OrderStatistics() {}

  /**
   * The median; the mean of the two middle values for an even count (equal infinities stay
   * infinite).
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    if (sorted.length % 2 == 1) {
      return sorted[mid];
    }
    double a = sorted[mid - 1];
    double b = sorted[mid];
    return a == b ? a : a / 2 + b / 2; // a == b keeps infinity out of inf - inf
  }

  /**
   * Linear interpolation between order statistics (type 7, the R and NumPy default) of a sorted
   * array.
   */
  public static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    if (fraction == 0 || sorted[below] == sorted[above]) {
      return sorted[below];
    }
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  /** One bootstrap resample: {@code into.length} draws with replacement from {@code from}. */
  static void draw(double[] from, double[] into, SplittableRandom random) {
    for (int i = 0; i < into.length; i++) {
      into[i] = from[random.nextInt(from.length)];
    }
  }
}
