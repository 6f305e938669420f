package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training loss and learning rate against the global step, one line per run (a sweep cell's repeats
 * in one colour).
 */
public final class StepCharts {
  private StepCharts() {}

  public static XYChart loss(String title, List<StepCurve> runs) {
    return chart(title, "Training loss (cross-entropy, nats)", runs, StepRecord::loss);
  }

  public static XYChart learningRate(String title, List<StepCurve> runs) {
    return chart(title, "Learning rate (per step)", runs, StepRecord::learningRate);
  }

  private static XYChart chart(
      String title, String yAxis, List<StepCurve> runs, ToDoubleFunction<StepRecord> y) {
    XYChart chart = ChartStyle.xy(title, "Global step (optimizer updates)", yAxis);
    Set<String> names = ChartStyle.names();
    List<Map.Entry<StepCurve, List<StepRecord>>> drawn = new ArrayList<>();
    for (StepCurve run : runs) {
      // Diverged steps (NaN/Inf) cannot be drawn; the summary table reports the divergence.
      List<StepRecord> finite =
          run.steps().stream().filter(s -> Double.isFinite(y.applyAsDouble(s))).toList();
      if (!finite.isEmpty()) {
        drawn.add(Map.entry(run, finite));
      }
    }
    LineGroups groups = new LineGroups(runs.stream().map(StepCurve::group).toList());
    for (Map.Entry<StepCurve, List<StepRecord>> d : drawn) {
      List<StepRecord> finite = d.getValue();
      groups.style(
          chart.addSeries(
              ChartStyle.unique(names, d.getKey().label()),
              finite.stream().mapToDouble(StepRecord::globalStep).toArray(),
              finite.stream().mapToDouble(y).toArray()),
          d.getKey().group(),
          false);
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart
          .addSeries("no train_step events", new double[] {0}, new double[] {0})
          .setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }
}
