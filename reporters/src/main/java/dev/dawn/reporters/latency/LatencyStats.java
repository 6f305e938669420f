package dev.dawn.reporters.latency;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of per-image latencies in milliseconds. Percentiles use the nearest-rank method (a value that was
 * actually measured), so p50 of {1, 2, 3, 4} is 2.
 */
public record LatencyStats(int count, double meanMs, double minMs, double p50Ms, double p90Ms, double p99Ms,
                           double maxMs) {

    public static LatencyStats of(List<ImageLatency> images) {
        return ofMillis(images.stream().mapToDouble(ImageLatency::latencyMs).toArray());
    }

    public static LatencyStats ofMillis(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("latency statistics need at least one measurement");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new LatencyStats(sorted.length, mean, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest value with at least p% of the measurements at or below it. */
    static double rank(double[] sorted, double percent) {
        int n = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, n - 1)];
    }
}
