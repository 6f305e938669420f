package dev.dawn.workloads.training.schedule;

/**
 * Learning rate as a function of the fractional epoch ({@code step / stepsPerEpoch}), computed in
 * Java and fed per step.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  double at(double epoch);
}
