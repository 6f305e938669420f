package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.EvaluationPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code accuracy.png}: top-1 and top-5 accuracy (%) against training hours, with the target as a
 * dashed line and, for a resumed run, a dotted vertical line where each resume continued.
 */
public final class AccuracyChart {
  static {
    // Rendering must work on display-less servers.
    System.setProperty("java.awt.headless", "true");
  }

  private AccuracyChart() {}

  /**
   * PNG bytes of the chart, one point per evaluation (within epochs too); {@code target} is in
   * percent, e.g. 93.0.
   */
  public static byte[] png(
      String title, List<EvaluationPoint> evaluations, double target, String targetLabel) {
    return png(title, evaluations, target, targetLabel, Map.of());
  }

  /**
   * As {@link #png(String, List, double, String)}, with a vertical line for each mark: its label
   * (e.g. where a resumed run continued) -> training hours.
   */
  public static byte[] png(
      String title,
      List<EvaluationPoint> evaluations,
      double target,
      String targetLabel,
      Map<String, Double> marks) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(560)
            .title(title)
            .xAxisTitle("Training time (hours, evaluation excluded)")
            .yAxisTitle("Accuracy (%)")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setDecimalPattern("#0.###");

    double maxHours = 0;
    if (!evaluations.isEmpty()) {
      double[] hours = evaluations.stream().mapToDouble(EvaluationPoint::hours).toArray();
      maxHours = hours[hours.length - 1];
      chart
          .addSeries(
              "top-1 accuracy",
              hours,
              evaluations.stream().mapToDouble(EvaluationPoint::top1Accuracy).toArray())
          .setMarker(SeriesMarkers.CIRCLE);
      chart
          .addSeries(
              "top-5 accuracy",
              hours,
              evaluations.stream().mapToDouble(EvaluationPoint::top5Accuracy).toArray())
          .setMarker(SeriesMarkers.DIAMOND);
    }
    // A run with no evaluated epoch still gets a readable (empty) chart with the target.
    double right = maxHours > 0 ? maxHours : 1.0;
    XYSeries line =
        chart.addSeries(targetLabel, new double[] {0, right}, new double[] {target, target});
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(Color.RED);
    line.setLineStyle(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    marks.forEach(
        (label, hours) -> {
          XYSeries mark =
              chart.addSeries(label, new double[] {hours, hours}, new double[] {0, 100});
          mark.setMarker(SeriesMarkers.NONE);
          mark.setLineColor(Color.GRAY);
          mark.setLineStyle(
              new BasicStroke(
                  1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        });
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render accuracy chart '" + title + "'", e);
    }
  }
}
