package dev.dawn.reporters.mlperf;

/**
 * The state {@code common.yaml}'s BEGIN block sets up ({@code s} in the YAML) and its POST code
 * updates, line by line: where the run is between init_start and run_stop.
 */
final class RuleState {
  boolean initStarted;
  boolean initStopped;
  boolean runStarted;
  boolean runStopped;

  /** Time of the first init_start; the initialisation budget counts from it. */
  double firstInitStartMs = 9e99;

  /** Initialisation budget in minutes: 0 until submission_division sets it. */
  int compileTimeMins;
}
