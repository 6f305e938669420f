package dev.dawn.reporters.compare;

import dev.dawn.reporters.stats.MannWhitneyU;
import dev.dawn.reporters.stats.OrderStatistics;
import dev.dawn.reporters.stats.RatioBootstrap;
import java.util.Arrays;
import java.util.List;

/**
 * One metric of two sets of runs compared.
 *
 * @param metric what was compared
 * @param a the values of side A's runs (infinite: missed the target), runs without a value left out
 * @param b the same for side B
 * @param factor how many times better B is than A, as a ratio of medians (A/B for times and epochs,
 *     B/A for images/s; above 1: B better) with its bootstrap interval
 * @param test Mann-Whitney U of A against B
 */
public record MetricComparison(
    CompareMetric metric, double[] a, double[] b, RatioBootstrap factor, MannWhitneyU test) {
  /**
   * The level below which a p-value (together with an interval excluding 1) counts as a detected
   * difference.
   */
  public static final double ALPHA = 0.05;

  /**
   * Compares the runs' values; null when a side has no run with a value (e.g. images/s of runs
   * without epochs).
   */
  public static MetricComparison of(
      CompareMetric metric, List<ComparedRun> sideA, List<ComparedRun> sideB) {
    double[] a = values(metric, sideA);
    double[] b = values(metric, sideB);
    if (a.length == 0 || b.length == 0) {
      return null;
    }
    RatioBootstrap factor =
        metric.lowerIsBetter() ? RatioBootstrap.ofMedians(a, b) : RatioBootstrap.ofMedians(b, a);
    return new MetricComparison(metric, a, b, factor, MannWhitneyU.test(a, b));
  }

  private static double[] values(CompareMetric metric, List<ComparedRun> runs) {
    return runs.stream().mapToDouble(r -> r.value(metric)).filter(v -> !Double.isNaN(v)).toArray();
  }

  public double medianA() {
    return OrderStatistics.median(a);
  }

  public double medianB() {
    return OrderStatistics.median(b);
  }

  /** A difference is claimed only when both the test and the interval say so. */
  public boolean differenceDetected() {
    return test.p() < ALPHA && !factor.containsOne();
  }

  /** Runs of a side that never reached the target. */
  public static long missed(double[] values) {
    return Arrays.stream(values).filter(Double::isInfinite).count();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricComparison m
        && metric == m.metric
        && Arrays.equals(a, m.a)
        && Arrays.equals(b, m.b)
        && factor.equals(m.factor)
        && test.equals(m.test);
  }

  @Override
  public int hashCode() {
    return 31 * metric.hashCode() + Arrays.hashCode(a) + 7 * Arrays.hashCode(b);
  }

  @Override
  public String toString() {
    return metric.label()
        + ": A "
        + Arrays.toString(a)
        + ", B "
        + Arrays.toString(b)
        + ", "
        + factor
        + ", "
        + test;
  }
}
