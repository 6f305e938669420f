package dev.dawn.reporters.mlperf;

import java.util.List;

/**
 * What dawn's reading of the rules says about a log.
 *
 * @param files the rule files applied, in the order the checker reaches them
 * @param problems broken rules: the official checker prints FAILED for any
 * @param warnings a key required once but found repeated with one value: the checker warns only
 */
public record ComplianceReport(List<String> files, List<String> problems, List<String> warnings) {
  public ComplianceReport {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public boolean passed() {
    return problems.isEmpty();
  }
}
