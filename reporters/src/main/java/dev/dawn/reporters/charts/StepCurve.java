package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.StepRecord;
import java.util.List;

/**
 * One run's {@code train_step} samples as a line.
 *
 * @param label the run, unique in a chart
 * @param group the legend entry and colour it shares with others: the run itself, or its sweep cell
 */
public record StepCurve(String label, String group, List<StepRecord> steps) {
  public StepCurve {
    steps = List.copyOf(steps);
  }

  /** A run drawn on its own: its own group. */
  public StepCurve(String label, List<StepRecord> steps) {
    this(label, label, steps);
  }
}
