/**
 * Timing for {@code dawn infer} (DAWNBench per-image latency).
 *
 * <ul>
 *   <li>{@link dev.dawn.workloads.inference.LatencyRunner}: batch-1 loop over inputs, preprocessing and model timed
 *       apart, warm-up excluded; gives {@link dev.dawn.workloads.inference.LatencyRun} with model-only and end-to-end
 *       {@link dev.dawn.reporters.latency.LatencyStats}.
 *   <li>{@link dev.dawn.workloads.inference.SessionStep}: the model call (feed, fetch, close) on a TF session.
 *   <li>{@link dev.dawn.workloads.inference.BatchSizeSweep}: per-batch latency and throughput for batch 1, 8, 32, 128.
 *   <li>{@link dev.dawn.workloads.inference.BareSessionLoop}: the bare {@code Session.run} reference loop.
 * </ul>
 *
 * INT8 pieces are in {@code inference.quant}, the BN-folded net description in {@code inference.net}.
 */
package dev.dawn.workloads.inference;
