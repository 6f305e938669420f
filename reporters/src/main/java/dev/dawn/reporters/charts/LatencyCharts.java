package dev.dawn.reporters.charts;

import dev.dawn.reporters.latency.ImageLatency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Per-image latency: the CDF (several runs overlaid) and latency against batch size. */
public final class LatencyCharts {
  private LatencyCharts() {}

  /**
   * Fraction of images at or below each latency, one line per run; the latency axis is logarithmic
   * when the latencies span decades (nets 100x apart), so every curve keeps its shape.
   */
  public static XYChart cdf(String title, Map<String, List<ImageLatency>> runs) {
    double[] all =
        runs.values().stream().flatMap(List::stream).mapToDouble(ImageLatency::latencyMs).toArray();
    boolean log = ChartStyle.spansDecades(all);
    XYChart chart =
        ChartStyle.xy(
            title,
            log ? "Latency per image (ms, log scale)" : "Latency per image (ms)",
            "Images at or below (%)");
    chart.getStyler().setXAxisLogarithmic(log);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    Set<String> names = ChartStyle.names();
    for (Map.Entry<String, List<ImageLatency>> run : runs.entrySet()) {
      double[] ms = run.getValue().stream().mapToDouble(ImageLatency::latencyMs).sorted().toArray();
      if (ms.length == 0) {
        continue;
      }
      int[] kept = cdfPoints(ms.length);
      double[] x = new double[kept.length];
      double[] pct = new double[kept.length];
      for (int k = 0; k < kept.length; k++) {
        x[k] = ms[kept[k]];
        pct[k] = 100.0 * (kept[k] + 1) / ms.length;
      }
      chart.addSeries(ChartStyle.unique(names, run.getKey()), x, pct).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /**
   * Evenly spaced points of a CDF curve; beyond them the slowest 1% is kept whole, where latency
   * plots are read.
   */
  static final int CDF_POINTS = 400;

  /**
   * Indices of the sorted samples a CDF line keeps: {@link #CDF_POINTS} evenly spaced ones (first
   * and last included) plus every sample of the slowest 1%. Thousands of images per variant
   * otherwise make an inline SVG of megabytes without changing the drawn curve.
   */
  static int[] cdfPoints(int n) {
    if (n <= CDF_POINTS) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    java.util.TreeSet<Integer> kept = new java.util.TreeSet<>();
    for (int k = 0; k < CDF_POINTS; k++) {
      kept.add((int) Math.round((double) k * (n - 1) / (CDF_POINTS - 1)));
    }
    for (int i = (int) Math.floor(n * 0.99); i < n; i++) {
      kept.add(i);
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Suffixes of the two lines each variant gets in {@link #vsBatchSize}. */
  public static final String PER_BATCH = " per batch";

  public static final String PER_IMAGE = " per image";

  /**
   * Mean latency against batch size, two lines per variant: the time of one call on the whole batch
   * ({@value #PER_BATCH}) and that time per image ({@value #PER_IMAGE}). They differ by the batch
   * size, up to a few hundred times, so the latency axis is logarithmic when every value is
   * positive.
   */
  public static XYChart vsBatchSize(String title, List<BatchLatency> points) {
    boolean positive = points.stream().allMatch(p -> p.batchMs() > 0);
    XYChart chart =
        ChartStyle.xy(
            title, "Batch size (images)", positive ? "Latency (ms, log scale)" : "Latency (ms)");
    chart.getStyler().setYAxisLogarithmic(positive && !points.isEmpty());
    Map<String, List<BatchLatency>> bySeries = new LinkedHashMap<>();
    for (BatchLatency p : points) {
      bySeries.computeIfAbsent(p.series(), k -> new java.util.ArrayList<>()).add(p);
    }
    for (Map.Entry<String, List<BatchLatency>> s : bySeries.entrySet()) {
      List<BatchLatency> sorted =
          s.getValue().stream()
              .sorted(java.util.Comparator.comparingInt(BatchLatency::batchSize))
              .toList();
      double[] sizes = sorted.stream().mapToDouble(BatchLatency::batchSize).toArray();
      chart
          .addSeries(
              s.getKey() + PER_BATCH,
              sizes,
              sorted.stream().mapToDouble(BatchLatency::batchMs).toArray())
          .setMarker(SeriesMarkers.CIRCLE);
      chart
          .addSeries(
              s.getKey() + PER_IMAGE,
              sizes,
              sorted.stream().mapToDouble(BatchLatency::imageMs).toArray())
          .setMarker(SeriesMarkers.DIAMOND);
    }
    return chart;
  }
}
