package dev.dawn.reporters.charts;

/** Mean per-image latency (ms) measured at one batch size, for one line ({@code series}) of the chart. */
public record BatchLatency(String series, int batchSize, double latencyMs) {
}
