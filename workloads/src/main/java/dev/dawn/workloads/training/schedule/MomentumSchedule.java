package dev.dawn.workloads.training.schedule;

/** Momentum coefficient as a function of the fractional epoch ({@code step / stepsPerEpoch}). */
@FunctionalInterface
public interface MomentumSchedule {
  double at(double epoch);
}
