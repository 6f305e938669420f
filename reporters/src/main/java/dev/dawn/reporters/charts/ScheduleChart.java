package dev.dawn.reporters.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A training recipe's schedules against epochs, one panel per quantity (learning rate, momentum,
 * resolution, batch size...), stacked on a shared epoch axis so phase changes line up across
 * panels. Takes plain series so it knows nothing of how the schedules were computed.
 */
public final class ScheduleChart {
  static {
    // Rendering must work on display-less servers.
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 900;
  private static final int PANEL_HEIGHT = 240;

  /** One stacked panel: {@code values[i]} belongs to {@code epochs[i]} of the chart. */
  public record Panel(String quantity, double[] values) {
    public Panel {
      if (quantity == null || quantity.isBlank()) {
        throw new IllegalArgumentException("schedule panel needs a name");
      }
      values = values.clone();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException(
              "schedule panel '" + quantity + "': value " + i + " is " + values[i]);
        }
      }
    }
  }

  private ScheduleChart() {}

  /** PNG bytes: the title on the first panel, the epoch axis title on the last. */
  public static byte[] png(String title, double[] epochs, List<Panel> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("schedule chart '" + title + "' has no panels");
    }
    if (epochs.length == 0) {
      throw new IllegalArgumentException("schedule chart '" + title + "' has no sample points");
    }
    for (Panel p : panels) {
      if (p.values().length != epochs.length) {
        throw new IllegalArgumentException(
            "schedule chart '"
                + title
                + "': panel '"
                + p.quantity()
                + "' has "
                + p.values().length
                + " values for "
                + epochs.length
                + " epochs; they must pair up");
      }
    }
    BufferedImage sheet =
        new BufferedImage(WIDTH, PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      for (int i = 0; i < panels.size(); i++) {
        Panel p = panels.get(i);
        boolean last = i == panels.size() - 1;
        XYChart chart =
            new XYChartBuilder()
                .width(WIDTH)
                .height(PANEL_HEIGHT)
                .title(i == 0 ? title : "")
                .xAxisTitle(last ? "Epoch" : "")
                .yAxisTitle(p.quantity())
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDecimalPattern("#0.####");
        chart.getStyler().setXAxisMin(epochs[0]);
        chart.getStyler().setXAxisMax(epochs[epochs.length - 1]);
        double min = min(p.values());
        double max = max(p.values());
        // A constant series would otherwise get a degenerate axis.
        double pad = max > min ? 0.05 * (max - min) : Math.max(1e-6, Math.abs(max) * 0.05);
        // Non-negative quantities keep a floor of 0 rather than a padded negative one.
        chart.getStyler().setYAxisMin(min >= 0 && min - pad < 0 ? 0.0 : min - pad);
        chart.getStyler().setYAxisMax(max + pad);
        chart.addSeries(p.quantity(), epochs, p.values()).setMarker(SeriesMarkers.NONE);
        g.drawImage(BitmapEncoder.getBufferedImage(chart), 0, i * PANEL_HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(sheet, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render schedule chart '" + title + "'", e);
    }
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
