package dev.dawn.harness.project;

/**
 * Projected hours of one epoch.
 *
 * @param cumulativeHours hours from the start of training to the end of this epoch
 */
public record EpochProjection(
    int epoch,
    int resolution,
    int globalBatch,
    long steps,
    double computeHours,
    double communicationHours,
    double inputHours,
    double cumulativeHours) {
  public double hours() {
    return computeHours + communicationHours + inputHours;
  }
}
