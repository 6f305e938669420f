/**
 * Timing for {@code dawn infer} (DAWNBench per-image latency).
 *
 * <ul>
 *   <li>{@link dev.dawn.workloads.inference.LatencyRunner}: batch-1 loop over inputs, preprocessing
 *       and model timed apart, warm-up excluded; gives the raw per-item nanoseconds in a {@link
 *       dev.dawn.workloads.inference.LatencyRun}.
 *   <li>{@link dev.dawn.workloads.inference.SessionStep}: the model call (feed, fetch, close) on a
 *       TF session.
 *   <li>{@link dev.dawn.workloads.inference.BatchSizeSweep}: per-batch timings for batch 1, 8, 32,
 *       128.
 *   <li>{@link dev.dawn.workloads.inference.BareSessionLoop}: the bare {@code Session.run}
 *       reference loop.
 * </ul>
 *
 * <p><b>Measure here, summarise there.</b> This module times and returns nanoseconds; it does not
 * compute latency statistics. DAWNBench latency, LoadGen percentiles and throughput are defined
 * once, in {@code dev.dawn.reporters.latency.LatencyStats}, and the harness applies them to these
 * timings when it writes the run's events. That keeps the dependency one way (harness -> workloads,
 * harness -> reporters): reporters never load TensorFlow, and workloads needs nothing from the
 * reporting side.
 *
 * <p>The measurement of a whole inference variant (fold, prune, quantize, classify every validation
 * image) is in {@code inference.bench}, INT8 pieces in {@code inference.quant}, the BN-folded net
 * description in {@code inference.net}.
 */
package dev.dawn.workloads.inference;
