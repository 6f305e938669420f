package dev.dawn.workloads.training.schedule;

import java.util.Objects;

/**
 * Ramps linearly from {@code startValue} at epoch 0 to {@code after.at(epochs)} at {@code epochs},
 * then follows {@code after} (which sees absolute epochs, so it is continuous at the boundary).
 * Goyal et al.: 0.1 → 3.2 over 5 epochs; Google/NVIDIA LARS: 0 → peak over w epochs.
 */
public record LinearWarmup(double epochs, double startValue, LearningRateSchedule after)
    implements LearningRateSchedule {

  public LinearWarmup {
    ScheduleChecks.nonNegative("linear_warmup", "epochs", epochs);
    ScheduleChecks.finite("linear_warmup", "start", startValue);
    Objects.requireNonNull(after, "linear_warmup: after");
  }

  @Override
  public double at(double epoch) {
    if (epoch >= epochs) {
      return after.at(epoch);
    }
    double target = after.at(epochs);
    double fraction = Math.max(0, epoch) / epochs;
    return startValue + (target - startValue) * fraction;
  }
}
