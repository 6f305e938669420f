package dev.dawn.reporters.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The shared look of our XY charts: white background, titled axes with units, a dashed red target
 * line.
 */
public final class ChartStyle {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 520;

  private ChartStyle() {}

  static XYChart xy(String title, String xAxisWithUnit, String yAxisWithUnit) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xAxisWithUnit)
            .yAxisTitle(yAxisWithUnit)
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDecimalPattern("#0.####");
    return chart;
  }

  static void targetLine(XYChart chart, String label, double fromX, double toX, double y) {
    XYSeries line = chart.addSeries(label, new double[] {fromX, toX}, new double[] {y, y});
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(Color.RED);
    line.setLineStyle(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
  }

  /**
   * XChart needs unique series names; two runs may share a label, so later ones get " (2)", " (3)".
   */
  public static String unique(Set<String> used, String name) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + " (" + i + ")";
    }
    return candidate;
  }

  public static Set<String> names() {
    return new HashSet<>();
  }
}
