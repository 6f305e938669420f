package dev.dawn.workloads.training.schedule;

/** The same value at every epoch; usable for the learning rate or the momentum. */
public record ConstantSchedule(double value) implements LearningRateSchedule, MomentumSchedule {

  public ConstantSchedule {
    ScheduleChecks.finite("constant", "value", value);
  }

  @Override
  public double at(double epoch) {
    return value;
  }
}
