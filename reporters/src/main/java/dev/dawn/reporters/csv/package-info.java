/**
 * CSV (RFC 4180, Apache Commons CSV): {@code metrics.csv} ({@link dev.dawn.reporters.csv.MetricsCsvWriter}),
 * per-image latencies ({@link dev.dawn.reporters.csv.LatencyCsv}), generic tables such as sweeps
 * ({@link dev.dawn.reporters.csv.CsvTable}, {@link dev.dawn.reporters.csv.CsvTableWriter}) and the runs index
 * ({@link dev.dawn.reporters.csv.RunsIndex}, behind {@code dawn runs}).
 */
package dev.dawn.reporters.csv;
