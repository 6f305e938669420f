package dev.dawn.harness.numerics;

import java.util.List;
import java.util.Optional;

/**
 * What one run of the check suite found under one setting: the cached unit, written as JSON.
 *
 * @param crash empty, or one line saying how the probe died and in which check (a kernel that
 *     aborts the process, an ISA cap TensorFlow cannot honour)
 */
public record NumericsReport(
    NumericsSetting setting,
    String cpuModel,
    List<String> cpuFlags,
    String tensorflow,
    int suiteVersion,
    String date,
    List<CheckRow> rows,
    String crash) {
  public NumericsReport {
    rows = List.copyOf(rows);
    cpuFlags = List.copyOf(cpuFlags);
    crash = crash == null ? "" : crash;
  }

  public List<CheckRow> rowsOf(String precision) {
    return rows.stream().filter(r -> r.result().precision().equals(precision)).toList();
  }

  public Optional<String> crashLine() {
    return crash.isEmpty() ? Optional.empty() : Optional.of(crash);
  }
}
