package dev.dawn.workloads.inference;

/**
 * Per-item timings of one batch-1 pass over a list of inputs, as measured: summary statistics
 * (DAWNBench latency, percentiles) are the reporting side's job ({@code
 * dev.dawn.reporters.latency.LatencyStats}).
 *
 * @param warmupItems untimed items run before the measured ones (excluded from every number here)
 * @param preprocessNanos per item: preprocessing only
 * @param modelNanos per item: model call only
 * @param endToEndNanos per item: preprocessing + model (one clock span, not the sum of two
 *     readings)
 * @param wallNanos clock time of the whole measured loop, including the loop's own overhead and
 *     input closing
 */
public record LatencyRun(
    int warmupItems,
    long[] preprocessNanos,
    long[] modelNanos,
    long[] endToEndNanos,
    long wallNanos) {

  public int measuredItems() {
    return modelNanos.length;
  }
}
