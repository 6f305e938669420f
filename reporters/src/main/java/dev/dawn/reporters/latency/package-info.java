/**
 * Latency statistics for {@code dawn infer}: {@link dev.dawn.reporters.latency.LatencyStats}
 * (DAWNBench latency = total time / items, plus LoadGen-style nearest-rank percentiles, see {@link
 * dev.dawn.reporters.latency.NearestRank}). Pure Java; the TensorFlow timing loops live in {@code
 * dev.dawn.workloads.inference}.
 */
package dev.dawn.reporters.latency;
