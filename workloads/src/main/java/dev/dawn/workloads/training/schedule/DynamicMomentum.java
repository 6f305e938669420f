package dev.dawn.workloads.training.schedule;

import java.util.Objects;

/**
 * Huawei's "dynamic momentum 0.9 ↔ 0.98" (MoXing {@code DyMomentumOptimizer}, closed source), in
 * the reading of docs/recipes.md: momentum is tied to the learning rate, high when the rate is low
 * (one-cycle style):
 *
 * <pre>
 *   momentum = maxMomentum − (maxMomentum − minMomentum)·(lr(epoch) − minLr)/(maxLr − minLr)
 * </pre>
 *
 * clamped to [minMomentum, maxMomentum], because warmup can start below {@code minLr} (our reading:
 * the closed source does not say; clamping keeps the coefficient inside the range the entry
 * reports). So at peak lr the momentum is 0.9, at the final lr it is 0.98.
 */
public record DynamicMomentum(
    LearningRateSchedule learningRate,
    double minLr,
    double maxLr,
    double minMomentum,
    double maxMomentum)
    implements MomentumSchedule {

  public DynamicMomentum {
    Objects.requireNonNull(learningRate, "dynamic_momentum: learning rate schedule");
    ScheduleChecks.finite("dynamic_momentum", "minLr", minLr);
    ScheduleChecks.finite("dynamic_momentum", "maxLr", maxLr);
    ScheduleChecks.nonNegative("dynamic_momentum", "min", minMomentum);
    ScheduleChecks.nonNegative("dynamic_momentum", "max", maxMomentum);
    if (!(maxLr > minLr)) {
      throw new IllegalArgumentException(
          "dynamic_momentum: maxLr (" + maxLr + ") must exceed minLr (" + minLr + ")");
    }
    if (!(maxMomentum >= minMomentum) || maxMomentum >= 1) {
      throw new IllegalArgumentException(
          "dynamic_momentum: need min <= max < 1, got min " + minMomentum + ", max " + maxMomentum);
    }
  }

  @Override
  public double at(double epoch) {
    double position = (learningRate.at(epoch) - minLr) / (maxLr - minLr);
    double momentum = maxMomentum - (maxMomentum - minMomentum) * position;
    return Math.min(maxMomentum, Math.max(minMomentum, momentum));
  }
}
