package dev.dawn.reporters.html;

import dev.dawn.reporters.charts.AccuracyComparisonChart;
import dev.dawn.reporters.charts.RunCurve;
import dev.dawn.reporters.charts.StepCharts;
import dev.dawn.reporters.charts.StepCurve;
import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.run.RunDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Training curves of runs: the target's accuracy against training hours (every evaluation), then
 * loss and learning rate against step side by side. Runs are drawn in groups: a run alone, or a
 * sweep cell's repeats in the cell's colour under one legend entry.
 */
final class RunChartsSection {
  private RunChartsSection() {}

  /**
   * @param group the legend entry of each run: its id, or its sweep cell's name
   * @param idPrefix keeps figure ids unique when the page has several sets of curves
   */
  static void append(
      StringBuilder h,
      List<RunDirectory> runs,
      Function<RunDirectory, String> group,
      String idPrefix) {
    if (runs.isEmpty()) {
      return;
    }
    // Runs may have different gates (CIFAR10 top-1, ImageNet top-5): one chart per target.
    Map<AccuracyTarget, List<RunCurve>> byTarget = new LinkedHashMap<>();
    for (RunDirectory r : runs) {
      byTarget
          .computeIfAbsent(r.record().entry().target(), k -> new ArrayList<>())
          .add(new RunCurve(r.id(), group.apply(r), r.record().evaluations()));
    }
    int n = 0;
    for (Map.Entry<AccuracyTarget, List<RunCurve>> e : byTarget.entrySet()) {
      h.append(
          Figure.of(
              AccuracyComparisonChart.build(
                  e.getKey().metricName()
                      + " accuracy against training time (every evaluation, the target dashed)",
                  e.getValue(),
                  e.getKey()),
              Figure.WIDE,
              idPrefix + "accuracy-" + ++n));
    }
    // Every run, also those without steps, so each keeps the colour it has in the accuracy chart.
    List<StepCurve> steps =
        runs.stream().map(r -> new StepCurve(r.id(), group.apply(r), r.steps())).toList();
    if (runs.stream().allMatch(r -> r.steps().isEmpty())) {
      h.append("<p>No run logged <code>train_step</code> events: no loss or learning rate.</p>\n");
      return;
    }
    // The same runs in the same order as the accuracy chart, so the same colours: its legend holds.
    h.append("<div class=\"multiples\">\n")
        .append(
            Figure.of(
                StepCharts.loss("Training loss against step (colours as above)", steps),
                Figure.SMALL,
                idPrefix + "loss",
                false))
        .append(
            Figure.of(
                StepCharts.learningRate("Learning rate against step (colours as above)", steps),
                Figure.SMALL,
                idPrefix + "lr",
                false))
        .append("</div>\n");
  }
}
