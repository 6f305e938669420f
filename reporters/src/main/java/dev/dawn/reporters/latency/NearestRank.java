package dev.dawn.reporters.latency;

/**
 * The percentile rule of MLPerf LoadGen ({@code loadgen/results.cc}, {@code
 * PerformanceSummary::ProcessLatencies}): sort the samples ascending and take the element at
 * 0-based index {@code floor(n * p)}, with {@code 0 <= p < 1}. No interpolation, so every reported
 * percentile is a latency that was really observed.
 *
 * <p>Example: for the 100 samples 1..100 ms, p50 is index 50, i.e. 51 ms, and p90 is index 90, i.e.
 * 91 ms. This is one rank above the textbook nearest-rank definition {@code ceil(n * p)} (1-based)
 * whenever {@code n * p} is an integer; we keep LoadGen's rule so numbers line up with MLPerf
 * summaries.
 */
public final class NearestRank {
  private NearestRank() {}

  /**
   * 0-based index into the sorted samples; the double product is truncated exactly as LoadGen's C++
   * does.
   */
  public static int index(int count, double percentile) {
    if (count <= 0) {
      throw new IllegalArgumentException(
          "percentile of an empty sample set is undefined (count=" + count + ")");
    }
    if (!(percentile >= 0.0 && percentile < 1.0)) {
      throw new IllegalArgumentException(
          "percentile must be in [0, 1) as in LoadGen, got " + percentile);
    }
    return (int) (count * percentile);
  }

  /** The percentile of samples that are already sorted ascending. */
  public static long ofSorted(long[] sorted, double percentile) {
    return sorted[index(sorted.length, percentile)];
  }

  /** The percentile of samples that are already sorted ascending. */
  public static double ofSorted(double[] sorted, double percentile) {
    return sorted[index(sorted.length, percentile)];
  }
}
