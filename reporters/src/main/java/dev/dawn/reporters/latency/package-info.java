/** Per-image inference latencies ({@link dev.dawn.reporters.latency.ImageLatency}) and their summary statistics. */
package dev.dawn.reporters.latency;
