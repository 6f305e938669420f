package dev.dawn.reporters.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of parameter sweeps. */
public final class SweepCharts {
  private SweepCharts() {}

  /**
   * One sweep cell: training hours to the target at a batch size and gradient-fusion threshold
   * (MiB).
   */

  /** One model variant's inference latency (ms per image) and top-5 accuracy (%). */
  public record VariantPoint(String variant, double latencyMs, double top5Accuracy) {}

  /**
   * One sweep cell on a line: its value of the x key, and its runs' mean and stdev of the charted
   * quantity.
   */
  public record SpreadPoint(String line, double x, double mean, double stdev) {}

  /**
   * A per-run quantity ({@code yTitle}, e.g. time to target or images/s) against one numeric grid
   * key, one line per value of the other keys (in first-seen order), the spread (one stdev either
   * side of the mean) as error bars.
   */
  public static XYChart spreadVs(
      String title, String xKey, String yTitle, List<SpreadPoint> points) {
    XYChart chart = ChartStyle.xy(title, xKey, yTitle);
    Map<String, List<SpreadPoint>> lines = new java.util.LinkedHashMap<>();
    for (SpreadPoint p : points) {
      lines.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
    }
    java.util.Set<String> names = ChartStyle.names();
    for (Map.Entry<String, List<SpreadPoint>> line : lines.entrySet()) {
      List<SpreadPoint> sorted =
          line.getValue().stream().sorted(Comparator.comparingDouble(SpreadPoint::x)).toList();
      chart
          .addSeries(
              ChartStyle.unique(names, line.getKey().isEmpty() ? "all runs" : line.getKey()),
              sorted.stream().mapToDouble(SpreadPoint::x).toArray(),
              sorted.stream().mapToDouble(SpreadPoint::mean).toArray(),
              sorted.stream()
                  .mapToDouble(p -> Double.isFinite(p.stdev()) ? p.stdev() : 0)
                  .toArray())
          .setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  /** Accuracy against latency, one point (own legend entry) per variant. */
  public static XYChart top5VsLatency(String title, List<VariantPoint> points) {
    XYChart chart = ChartStyle.xy(title, "Latency per image (ms)", "Top-5 accuracy (%)");
    java.util.Set<String> names = ChartStyle.names();
    for (VariantPoint p : points) {
      XYSeries s =
          chart.addSeries(
              ChartStyle.unique(names, p.variant()),
              new double[] {p.latencyMs()},
              new double[] {p.top5Accuracy()});
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }
}
