package dev.dawn.reporters.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.List;
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

  /**
   * Series colours in order: distinct hues, none of them red, which belongs to the target line.
   * Charts that group lines (a sweep cell's repeats) give the whole group one of these.
   */
  static final List<Color> PALETTE =
      List.of(
          new Color(0x1f77b4),
          new Color(0xff7f0e),
          new Color(0x2ca02c),
          new Color(0x9467bd),
          new Color(0x8c564b),
          new Color(0xe377c2),
          new Color(0x17becf),
          new Color(0xbcbd22),
          new Color(0x7f7f7f),
          new Color(0x393b79),
          new Color(0xad494a),
          new Color(0x637939));

  /**
   * An axis is logarithmic when its values are all positive and span two decades or more (latency
   * of nets 100x apart); below that a linear axis is easier to read.
   */
  static final double LOG_AXIS_SPAN = 100;

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

  /** The {@code i}-th colour of {@link #PALETTE}, cycling. */
  static Color colour(int i) {
    return PALETTE.get(Math.floorMod(i, PALETTE.size()));
  }

  /** {@code colour} with {@code alpha} (0-255), for bands behind a line. */
  static Color translucent(Color colour, int alpha) {
    return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
  }

  /** True when values of an axis call for a log scale ({@link #LOG_AXIS_SPAN}). */
  static boolean spansDecades(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : values) {
      if (!(v > 0) || !Double.isFinite(v)) {
        return false;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return values.length > 0 && max / min >= LOG_AXIS_SPAN;
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
