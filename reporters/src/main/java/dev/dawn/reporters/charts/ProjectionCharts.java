package dev.dawn.reporters.charts;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of a projected training time: where each epoch's hours go, and time to target against a
 * swept parameter.
 */
public final class ProjectionCharts {
  private ProjectionCharts() {}

  /**
   * One epoch's projected hours by part.
   *
   * @param label the bar's label, e.g. {@code 12} or {@code 12 (128 px)}
   */
  public record EpochBar(
      String label, double computeHours, double communicationHours, double inputHours) {}

  /** One point of a sweep: a parameter value and the projected hours to the target. */
  public record SweepPoint(double value, double hours) {}

  /** Stacked bars, one per epoch: compute, exposed communication and input-pipeline wait. */
  public static CategoryChart epochBreakdown(String title, List<EpochBar> bars) {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("no epochs to chart");
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(title)
            .xAxisTitle("Epoch")
            .yAxisTitle("Projected hours per epoch")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setStacked(true);
    chart.getStyler().setDecimalPattern("#0.#####");
    chart.getStyler().setXAxisLabelRotation(bars.size() > 20 ? 90 : 0);
    List<String> labels = bars.stream().map(EpochBar::label).toList();
    chart.addSeries("compute", labels, bars.stream().map(b -> (Number) b.computeHours()).toList());
    chart.addSeries(
        "exposed communication",
        labels,
        bars.stream().map(b -> (Number) b.communicationHours()).toList());
    chart.addSeries(
        "input pipeline wait", labels, bars.stream().map(b -> (Number) b.inputHours()).toList());
    return chart;
  }

  /**
   * Projected hours to the target against a swept parameter on a log axis (e.g. the fusion
   * threshold in MiB). A point at 0, which a log axis cannot show, becomes a dashed line labelled
   * {@code zeroLabel}.
   */
  public static XYChart hoursVsParameter(
      String title, String parameterWithUnit, List<SweepPoint> points, String zeroLabel) {
    List<SweepPoint> positive = points.stream().filter(p -> p.value() > 0).toList();
    if (positive.isEmpty()) {
      throw new IllegalArgumentException("no sweep points above 0 to chart");
    }
    XYChart chart =
        ChartStyle.xy(title, parameterWithUnit + ", log scale", "Projected hours to the target");
    chart.getStyler().setXAxisLogarithmic(true);
    chart
        .addSeries(
            "projected",
            positive.stream().mapToDouble(SweepPoint::value).toArray(),
            positive.stream().mapToDouble(SweepPoint::hours).toArray())
        .setMarker(SeriesMarkers.CIRCLE);
    double from = positive.get(0).value();
    double to = positive.get(positive.size() - 1).value();
    points.stream()
        .filter(p -> p.value() == 0)
        .findFirst()
        .ifPresent(z -> ChartStyle.targetLine(chart, zeroLabel, from, to, z.hours()));
    return chart;
  }
}
