package dev.dawn.workloads.training.schedule;

import java.util.List;

/**
 * Piecewise constant: {@code values[0]} before {@code boundaries[0]}, {@code values[i]} from {@code
 * boundaries[i-1]} (inclusive) on. Goyal et al.: boundaries [30, 60, 80], factor 0.1. Unlike {@code
 * tf.train.piecewise_constant}, a boundary epoch already takes the new value ("÷10 at epoch 30"
 * means from epoch 30).
 */
public record StepDecay(List<Double> boundaries, List<Double> values)
    implements LearningRateSchedule, MomentumSchedule {

  public StepDecay {
    boundaries = List.copyOf(boundaries);
    values = List.copyOf(values);
    if (values.size() != boundaries.size() + 1) {
      throw new IllegalArgumentException(
          "step: "
              + boundaries.size()
              + " boundaries need "
              + (boundaries.size() + 1)
              + " values, got "
              + values.size());
    }
    for (int i = 0; i < boundaries.size(); i++) {
      ScheduleChecks.finite("step", "boundaries[" + i + "]", boundaries.get(i));
      if (i > 0 && !(boundaries.get(i) > boundaries.get(i - 1))) {
        throw new IllegalArgumentException(
            "step: boundaries must be strictly increasing, but boundaries["
                + i
                + "] = "
                + boundaries.get(i)
                + " follows "
                + boundaries.get(i - 1));
      }
    }
    for (int i = 0; i < values.size(); i++) {
      ScheduleChecks.finite("step", "values[" + i + "]", values.get(i));
    }
  }

  /** {@code initial·factor^i} after the i-th boundary. */
  public static StepDecay withFactor(double initial, List<Double> boundaries, double factor) {
    ScheduleChecks.finite("step", "initial", initial);
    ScheduleChecks.finite("step", "factor", factor);
    Double[] values = new Double[boundaries.size() + 1];
    values[0] = initial;
    for (int i = 1; i < values.length; i++) {
      values[i] = values[i - 1] * factor;
    }
    return new StepDecay(boundaries, List.of(values));
  }

  @Override
  public double at(double epoch) {
    int passed = 0;
    while (passed < boundaries.size() && epoch >= boundaries.get(passed)) {
      passed++;
    }
    return values.get(passed);
  }
}
