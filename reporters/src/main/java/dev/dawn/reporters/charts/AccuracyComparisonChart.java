package dev.dawn.reporters.charts;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.record.EvaluationPoint;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Several runs' gate accuracy (top-5 or top-1, %) against training hours, overlaid, with the target
 * line. Every evaluation is a point, those within an epoch too, so the curve ends where the run's
 * best accuracy and time to target say it does.
 */
public final class AccuracyComparisonChart {
  private AccuracyComparisonChart() {}

  public static XYChart build(String title, List<RunCurve> runs, AccuracyTarget target) {
    String name = target.metricName();
    XYChart chart =
        ChartStyle.xy(
            title,
            "Training time (hours, evaluation excluded)",
            Character.toUpperCase(name.charAt(0)) + name.substring(1) + " accuracy (%)");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    Set<String> names = ChartStyle.names();
    List<RunCurve> drawn = runs.stream().filter(r -> !r.evaluations().isEmpty()).toList();
    LineGroups groups = new LineGroups(runs.stream().map(RunCurve::group).toList());
    double maxHours = 0;
    for (RunCurve run : drawn) { // a run with nothing evaluated has no line; the summary says so
      double[] hours = run.evaluations().stream().mapToDouble(EvaluationPoint::hours).toArray();
      double[] acc =
          run.evaluations().stream().mapToDouble(e -> e.metric(target.metric())).toArray();
      maxHours = Math.max(maxHours, hours[hours.length - 1]);
      XYSeries line = chart.addSeries(ChartStyle.unique(names, run.label()), hours, acc);
      groups.style(line, run.group(), true);
    }
    ChartStyle.targetLine(
        chart,
        ChartStyle.unique(names, "target " + target.phrase()),
        0,
        maxHours > 0 ? maxHours : 1.0,
        target.threshold());
    return chart;
  }
}
