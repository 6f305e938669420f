/**
 * CSV (RFC 4180, Apache Commons CSV): {@code metrics.csv} ({@link
 * dev.dawn.reporters.csv.MetricsCsvWriter}), per-image latencies ({@link
 * dev.dawn.reporters.csv.LatencyCsv}) and generic tables such as sweeps ({@link
 * dev.dawn.reporters.csv.CsvTable}, {@link dev.dawn.reporters.csv.CsvTableWriter}). The runs index,
 * which reads run folders, is {@code dev.dawn.reporters.run.RunsIndex}.
 */
package dev.dawn.reporters.csv;
