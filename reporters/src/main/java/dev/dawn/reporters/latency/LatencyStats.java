package dev.dawn.reporters.latency;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of per-sample latencies in nanoseconds.
 *
 * <p>A sample covers {@code itemsPerSample} items (1 for the DAWNBench batch-1 protocol, the batch
 * size in a batch sweep). {@link #dawnbenchLatencyMs()} is DAWNBench's metric: total time / number
 * of items (for 50 000 validation images one at a time). Percentiles follow {@link NearestRank}
 * (LoadGen's rule), and are per sample, i.e. per batch in a batch sweep.
 *
 * @param count number of samples
 * @param itemsPerSample items covered by one sample
 * @param totalNanos sum of all samples
 * @param minNanos smallest sample
 * @param meanNanos arithmetic mean of the samples
 * @param p50Nanos LoadGen percentile 0.50
 * @param p90Nanos LoadGen percentile 0.90 (the SingleStream metric)
 * @param p95Nanos LoadGen percentile 0.95
 * @param p99Nanos LoadGen percentile 0.99
 * @param maxNanos largest sample
 */
public record LatencyStats(
    int count,
    int itemsPerSample,
    long totalNanos,
    long minNanos,
    double meanNanos,
    long p50Nanos,
    long p90Nanos,
    long p95Nanos,
    long p99Nanos,
    long maxNanos) {

  private static final double NANOS_PER_MS = 1e6;

  public LatencyStats {
    if (count <= 0) {
      throw new IllegalArgumentException(
          "latency stats need at least one sample, got count=" + count);
    }
    if (itemsPerSample <= 0) {
      throw new IllegalArgumentException("itemsPerSample must be >= 1, got " + itemsPerSample);
    }
  }

  /** Stats of batch-1 samples (one item each). */
  public static LatencyStats of(long[] nanos) {
    return of(nanos, 1);
  }

  public static LatencyStats of(List<Long> nanos) {
    return of(nanos.stream().mapToLong(Long::longValue).toArray(), 1);
  }

  /**
   * Stats of samples that each cover {@code itemsPerSample} items; the input array is not modified.
   */
  public static LatencyStats of(long[] nanos, int itemsPerSample) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException(
          "latency stats need at least one sample, got an empty list");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    long total = 0;
    for (long v : sorted) {
      if (v < 0) {
        throw new IllegalArgumentException("latency samples must be >= 0 ns, got " + v);
      }
      total = Math.addExact(total, v);
    }
    return new LatencyStats(
        sorted.length,
        itemsPerSample,
        total,
        sorted[0],
        (double) total / sorted.length,
        NearestRank.ofSorted(sorted, 0.50),
        NearestRank.ofSorted(sorted, 0.90),
        NearestRank.ofSorted(sorted, 0.95),
        NearestRank.ofSorted(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  public long items() {
    return (long) count * itemsPerSample;
  }

  /** DAWNBench latency: total time divided by the number of items, in milliseconds. */
  public double dawnbenchLatencyMs() {
    return totalNanos / NANOS_PER_MS / items();
  }

  /** Items per second over the summed sample time (excludes time spent between samples). */
  public double throughputPerSecond() {
    return totalNanos == 0 ? Double.POSITIVE_INFINITY : items() * 1e9 / totalNanos;
  }

  public double minMs() {
    return minNanos / NANOS_PER_MS;
  }

  public double meanMs() {
    return meanNanos / NANOS_PER_MS;
  }

  public double p50Ms() {
    return p50Nanos / NANOS_PER_MS;
  }

  public double p90Ms() {
    return p90Nanos / NANOS_PER_MS;
  }

  public double p95Ms() {
    return p95Nanos / NANOS_PER_MS;
  }

  public double p99Ms() {
    return p99Nanos / NANOS_PER_MS;
  }

  public double maxMs() {
    return maxNanos / NANOS_PER_MS;
  }

  /** One line for logs, e.g. {@code n=100 latency=50.500ms p50=51.000 p90=91.000 ...}. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "n=%d x%d dawnbench=%.3fms min=%.3f mean=%.3f p50=%.3f p90=%.3f p95=%.3f p99=%.3f max=%.3f ms, %.1f items/s",
        count,
        itemsPerSample,
        dawnbenchLatencyMs(),
        minMs(),
        meanMs(),
        p50Ms(),
        p90Ms(),
        p95Ms(),
        p99Ms(),
        maxMs(),
        throughputPerSecond());
  }
}
