package dev.dawn.workloads.inference;

import dev.dawn.reporters.latency.LatencyStats;

/**
 * Per-item timings of one batch-1 pass over a list of inputs.
 *
 * @param warmupItems untimed items run before the measured ones (excluded from every number here)
 * @param preprocessNanos per item: preprocessing only
 * @param modelNanos per item: model call only
 * @param endToEndNanos per item: preprocessing + model (one clock span, not the sum of two readings)
 * @param wallNanos clock time of the whole measured loop, including the loop's own overhead and input closing
 * @param preprocess stats of {@code preprocessNanos}
 * @param model stats of {@code modelNanos}: DAWNBench latency without preprocessing
 * @param endToEnd stats of {@code endToEndNanos}: DAWNBench latency with preprocessing
 */
public record LatencyRun(
    int warmupItems,
    long[] preprocessNanos,
    long[] modelNanos,
    long[] endToEndNanos,
    long wallNanos,
    LatencyStats preprocess,
    LatencyStats model,
    LatencyStats endToEnd) {

  public int measuredItems() {
    return modelNanos.length;
  }
}
