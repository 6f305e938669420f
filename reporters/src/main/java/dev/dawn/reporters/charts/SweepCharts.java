package dev.dawn.reporters.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of parameter sweeps. */
public final class SweepCharts {
  private SweepCharts() {}

  /** One model variant's inference latency (ms per image) and top-5 accuracy (%). */
  public record VariantPoint(String variant, double latencyMs, double top5Accuracy) {}

  /**
   * One sweep cell on a line: its value of the x key, the median of the charted quantity over its
   * runs and the 95% bootstrap interval of that median (infinite bounds: runs that missed).
   */
  public record BandPoint(String line, double x, double median, double low, double high) {}

  /**
   * A per-cell quantity ({@code yTitle}, e.g. time to target or images/s) against one numeric grid
   * key: one line per value of the other keys (in first-seen order), the cells' medians joined, the
   * interval of each median as a translucent band around the line (a whisker where a neighbour has
   * no finite interval). Lines never join cells of different lines.
   */
  public static XYChart medianVs(String title, String xKey, String yTitle, List<BandPoint> points) {
    XYChart chart = ChartStyle.xy(title, xKey, yTitle);
    Map<String, List<BandPoint>> lines = new LinkedHashMap<>();
    for (BandPoint p : points) {
      lines.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
    }
    Set<String> names = ChartStyle.names();
    int colour = 0;
    for (Map.Entry<String, List<BandPoint>> line : lines.entrySet()) {
      List<BandPoint> sorted =
          line.getValue().stream().sorted(Comparator.comparingDouble(BandPoint::x)).toList();
      String name = ChartStyle.unique(names, line.getKey().isEmpty() ? "all cells" : line.getKey());
      java.awt.Color c = ChartStyle.colour(colour++);
      band(chart, names, name, sorted, c);
      XYSeries median =
          chart.addSeries(
              name,
              sorted.stream().mapToDouble(BandPoint::x).toArray(),
              sorted.stream().mapToDouble(BandPoint::median).toArray());
      median.setMarker(SeriesMarkers.CIRCLE);
      median.setLineColor(c);
      median.setMarkerColor(c);
      median.setLineStyle(new java.awt.BasicStroke(2f));
    }
    return chart;
  }

  /**
   * The intervals of consecutive points with finite bounds as one polygon; a point standing alone
   * gets a vertical whisker.
   */
  private static void band(
      XYChart chart, Set<String> names, String line, List<BandPoint> sorted, java.awt.Color c) {
    List<BandPoint> run = new ArrayList<>();
    for (int i = 0; i <= sorted.size(); i++) {
      BandPoint p = i < sorted.size() ? sorted.get(i) : null;
      if (p != null && Double.isFinite(p.low()) && Double.isFinite(p.high())) {
        run.add(p);
        continue;
      }
      if (run.size() == 1) {
        BandPoint alone = run.get(0);
        XYSeries whisker =
            chart.addSeries(
                ChartStyle.unique(names, line + " interval"),
                new double[] {alone.x(), alone.x()},
                new double[] {alone.low(), alone.high()});
        whisker.setMarker(SeriesMarkers.NONE);
        whisker.setLineColor(ChartStyle.translucent(c, 140));
        whisker.setLineStyle(new java.awt.BasicStroke(6f));
        whisker.setShowInLegend(false);
      } else if (run.size() > 1) {
        double[] x = new double[2 * run.size()];
        double[] y = new double[2 * run.size()];
        for (int k = 0; k < run.size(); k++) {
          x[k] = run.get(k).x();
          y[k] = run.get(k).high();
          x[x.length - 1 - k] = run.get(k).x();
          y[y.length - 1 - k] = run.get(k).low();
        }
        XYSeries area = chart.addSeries(ChartStyle.unique(names, line + " interval"), x, y);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setMarker(SeriesMarkers.NONE);
        area.setFillColor(ChartStyle.translucent(c, 60));
        area.setLineColor(ChartStyle.translucent(c, 0));
        area.setShowInLegend(false);
      }
      run.clear();
    }
  }

  /** Accuracy against latency, one point (own legend entry) per variant. */
  public static XYChart top5VsLatency(String title, List<VariantPoint> points) {
    XYChart chart = ChartStyle.xy(title, "Latency per image (ms)", "Top-5 accuracy (%)");
    Set<String> names = ChartStyle.names();
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
