package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.EpochRecord;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several runs' gate accuracy (top-5 or top-1, %) against training hours, overlaid, with the target
 * line.
 */
public final class AccuracyComparisonChart {
  private AccuracyComparisonChart() {}

  /**
   * {@code metric} is {@code top5Accuracy} or {@code top1Accuracy}; {@code threshold} in percent.
   */
  public static XYChart build(String title, List<RunCurve> runs, String metric, double threshold) {
    String name = metric.equals("top1Accuracy") ? "Top-1" : "Top-5";
    XYChart chart =
        ChartStyle.xy(title, "Training time (hours, evaluation excluded)", name + " accuracy (%)");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    Set<String> names = ChartStyle.names();
    double maxHours = 0;
    for (RunCurve run : runs) {
      if (run.epochs().isEmpty()) {
        continue; // nothing evaluated yet: no line, the summary table says so
      }
      double[] hours = run.epochs().stream().mapToDouble(EpochRecord::hours).toArray();
      double[] acc = run.epochs().stream().mapToDouble(e -> e.metric(metric)).toArray();
      maxHours = Math.max(maxHours, hours[hours.length - 1]);
      chart
          .addSeries(ChartStyle.unique(names, run.label()), hours, acc)
          .setMarker(SeriesMarkers.CIRCLE);
    }
    ChartStyle.targetLine(
        chart,
        ChartStyle.unique(names, "target " + name + " " + threshold + "%"),
        0,
        maxHours > 0 ? maxHours : 1.0,
        threshold);
    return chart;
  }
}
