package dev.dawn.reporters.stats;

import java.util.Arrays;

/**
 * Summary of one sample of repeated measurements. Values may be {@code +Infinity} (a run that
 * missed its target): such a run is counted in {@code n} and ranks as the slowest, so the median,
 * min and max stay meaningful while the mean and stdev become infinite; the olympic mean drops one
 * of them as the worst run, as MLPerf scores a run that did not converge.
 *
 * @param n number of values
 * @param finite how many of them are finite (runs that reached the target)
 * @param median middle value (mean of the two middle ones for even n)
 * @param mean arithmetic mean
 * @param olympicMean mean without the single best and single worst value (MLPerf); the mean when n
 *     &lt; 3
 * @param min smallest value
 * @param max largest value
 * @param stdev sample standard deviation (n - 1); NaN when n &lt; 2
 * @param interval 95% percentile bootstrap interval of the median ({@link BootstrapInterval})
 */
public record SampleSummary(
    int n,
    int finite,
    double median,
    double mean,
    double olympicMean,
    double min,
    double max,
    double stdev,
    BootstrapInterval interval) {

  public static SampleSummary of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a summary needs at least one value");
    }
    for (double v : values) {
      if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException(
            "values must be numbers or +Infinity (a missed target), got " + v);
      }
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int finite = (int) Arrays.stream(sorted).filter(Double::isFinite).count();
    double mean = mean(sorted, 0, n);
    double olympic = n < 3 ? mean : mean(sorted, 1, n - 1);
    return new SampleSummary(
        n,
        finite,
        OrderStatistics.median(sorted),
        mean,
        olympic,
        sorted[0],
        sorted[n - 1],
        stdev(sorted, mean),
        BootstrapInterval.ofMedian(sorted));
  }

  private static double mean(double[] sorted, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += sorted[i];
    }
    return sum / (to - from);
  }

  private static double stdev(double[] values, double mean) {
    if (values.length < 2) {
      return Double.NaN;
    }
    if (!Double.isFinite(mean)) {
      return Double.POSITIVE_INFINITY;
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
