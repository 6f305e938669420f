package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.StepRecord;
import java.util.List;

/** One run's {@code train_step} samples under a legend label. */
public record StepCurve(String label, List<StepRecord> steps) {
  public StepCurve {
    steps = List.copyOf(steps);
  }
}
