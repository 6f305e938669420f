package dev.dawn.workloads.inference;

import dev.dawn.reporters.latency.LatencyStats;

/** Result of one batch size in a {@link BatchSizeSweep}: per-batch latency and throughput in items/s. */
public record BatchPoint(int batchSize, LatencyStats perBatch) {
  public double throughputPerSecond() {
    return perBatch.throughputPerSecond();
  }

  /** Mean time per item (batch latency / batch size), in milliseconds. */
  public double perItemMs() {
    return perBatch.dawnbenchLatencyMs();
  }
}
