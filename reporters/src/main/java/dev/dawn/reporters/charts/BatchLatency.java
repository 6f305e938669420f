package dev.dawn.reporters.charts;

/**
 * Mean latency measured at one batch size, for one variant ({@code series}) of the
 * latency-vs-batch-size chart.
 *
 * @param batchMs mean time of one call on a whole batch, in milliseconds
 */
public record BatchLatency(String series, int batchSize, double batchMs) {
  public BatchLatency {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
  }

  /** Mean time per image: the batch's time shared by its images. */
  public double imageMs() {
    return batchMs / batchSize;
  }
}
