package dev.dawn.reporters.sweep;

import java.util.Map;

/**
 * One finished run of a sweep cell, as derived from the sweep's events and the run's own log.
 *
 * @param cell 1-based cell number
 * @param repeat 1-based repeat number
 * @param seed the run's {@code train.seed}
 * @param values the cell's grid values (dotted key to value), in the spec's order
 * @param status the run's {@code run_stop} status ({@code success}, {@code target_not_reached},
 *     {@code diverged}, {@code failed}), {@code killed} without one, or {@code failed} when the run
 *     never made a run folder
 * @param exitCode the {@code dawn train} exit status
 * @param secondsToTarget training seconds to the first evaluation at the target; null when it was
 *     not reached
 * @param targetEpoch epochs trained at that evaluation (fractional when evaluated within an epoch);
 *     null when not reached
 * @param epochs evaluated epochs the run finished
 * @param imagesPerSecond mean training throughput over its epochs; null without an epoch
 * @param bestAccuracy the highest value of the target's metric over its evaluations, percent
 *     (reached or not: what a run that missed got to); null without an evaluation
 * @param computeMsPerStep a step's forward and backward pass alone (ms), the mean over its epochs;
 *     null when not measured (one process, one replica)
 * @param exposedCommMsPerStep a step's communication not hidden behind it (ms), the mean over its
 *     epochs; null when not measured
 * @param runFolder relative to the sweep folder; null when there is none
 * @param detail why a run without a folder failed; null otherwise
 */
public record SweepRun(
    int cell,
    int repeat,
    long seed,
    Map<String, Object> values,
    String status,
    int exitCode,
    Double secondsToTarget,
    Double targetEpoch,
    int epochs,
    Double imagesPerSecond,
    Double bestAccuracy,
    Double computeMsPerStep,
    Double exposedCommMsPerStep,
    String runFolder,
    String detail) {

  /**
   * Time to target for the statistics: a run that missed (or diverged, or failed) is {@code
   * +Infinity}.
   */
  public double secondsOrInfinity() {
    return secondsToTarget == null ? Double.POSITIVE_INFINITY : secondsToTarget;
  }
}
