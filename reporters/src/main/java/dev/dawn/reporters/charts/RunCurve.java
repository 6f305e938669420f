package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.EvaluationPoint;
import java.util.List;

/**
 * One run's evaluations (every one, mid-epoch ones included) as a line.
 *
 * @param label the run, unique in a chart
 * @param group the legend entry and colour it shares with others: the run itself, or its sweep cell
 * @param evaluations in log order
 */
public record RunCurve(String label, String group, List<EvaluationPoint> evaluations) {
  public RunCurve {
    evaluations = List.copyOf(evaluations);
  }

  /** A run drawn on its own: its own group. */
  public RunCurve(String label, List<EvaluationPoint> evaluations) {
    this(label, label, evaluations);
  }
}
