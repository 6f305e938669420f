/**
 * A run as MLPerf Training sees it: the {@code :::MLLOG} result file {@code dawn export --mlperf}
 * writes ({@link dev.dawn.reporters.mlperf.ResultFile}) and dawn's own reading of the logging rules
 * MLPerf's compliance checker applies to it ({@link dev.dawn.reporters.mlperf.TrainingRules}, run
 * by {@link dev.dawn.reporters.mlperf.ComplianceCheck}). The official checker decides; the reading
 * lets dawn say what it would object to without Python, and lets tests pin the log's keys, order
 * and counts.
 */
package dev.dawn.reporters.mlperf;
