package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.charts.ChartEncoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * A chart as the report shows it: the title as an HTML caption and the legend as an HTML list (both
 * wrap with the page, so neither is clipped or squeezes the plot), the plot itself as an image
 * embedded in the page, PNG or SVG whichever is smaller. No script, no network.
 */
final class Figure {
  /** A chart across the page. */
  static final Size WIDE = new Size(1200, 440, "wide");

  /** One of a row of small multiples. */
  static final Size SMALL = new Size(440, 320, "small");

  /** Pixel size the chart is drawn at, and the CSS class that lays it out. */
  record Size(int width, int height, String cssClass) {}

  /** A legend entry: the series' label, colour and whether its line is dashed. */
  record LegendEntry(String label, Color colour, boolean dashed) {}

  private Figure() {}

  /**
   * The {@code <figure>}: caption, image, legend. The chart's own title and legend are switched
   * off.
   */
  static String of(Chart<?, ?> chart, Size size, String id) {
    return of(chart, size, id, true);
  }

  /**
   * As above; without the HTML legend when {@code withLegend} is false (a chart whose colours an
   * earlier figure's legend explains).
   */
  static String of(Chart<?, ?> chart, Size size, String id, boolean withLegend) {
    String caption = fitAxisTitles(chart, size, chart.getTitle());
    chart.getStyler().setChartTitleVisible(false);
    chart.getStyler().setLegendVisible(false);
    ChartEncoder.Encoded image = ChartEncoder.smallest(chart, size.width(), size.height());
    StringBuilder h = new StringBuilder();
    h.append("<figure class=\"")
        .append(size.cssClass())
        .append("\" id=\"")
        .append(escape(id))
        .append("\">\n<figcaption>")
        .append(escape(caption))
        .append("</figcaption>\n<img src=\"data:")
        .append(image.mediaType())
        .append(";base64,")
        .append(Base64.getEncoder().encodeToString(image.bytes()))
        .append("\" width=\"")
        .append(size.width())
        .append("\" height=\"")
        .append(size.height())
        .append("\" alt=\"")
        .append(escape(caption))
        .append("\">\n");
    List<LegendEntry> legend = withLegend ? legend(chart) : List.of();
    if (!legend.isEmpty()) {
      h.append("<ul class=\"legend\">");
      for (LegendEntry e : legend) {
        h.append("<li><span class=\"swatch")
            .append(e.dashed() ? " dashed" : "")
            .append("\" style=\"border-color:")
            .append(hex(e.colour()))
            .append("\"></span>")
            .append(escape(e.label()))
            .append("</li>");
      }
      h.append("</ul>\n");
    }
    return h.append("</figure>\n").toString();
  }

  /**
   * XChart draws an axis title centred on its side of the plot and cuts what does not fit. A
   * vertical title longer than the plot is high (the figure less the padding, the x axis's title,
   * tick marks and labels, and the plot margins) is taken off the chart and said in the caption
   * instead.
   *
   * @return the caption, with the vertical axis's title when it moved there
   */
  static String fitAxisTitles(Chart<?, ?> chart, Size size, String caption) {
    if (!(chart.getStyler() instanceof AxesChartStyler s) || chart.getYAxisTitle() == null) {
      return caption;
    }
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double title = s.getAxisTitleFont().getStringBounds(chart.getYAxisTitle(), frc).getWidth();
    double line = s.getAxisTitleFont().getStringBounds("Mg", frc).getHeight();
    double ticks = s.getAxisTickLabelsFont().getStringBounds("0", frc).getHeight();
    double plot =
        size.height()
            - 2.0 * s.getChartPadding()
            - (line + s.getAxisTitlePadding())
            - (ticks + s.getAxisTickPadding() + s.getAxisTickMarkLength())
            - 2.0 * s.getPlotMargin();
    if (title <= plot) {
      return caption;
    }
    String moved = chart.getYAxisTitle();
    chart.setYAxisTitle("");
    return caption + " (vertical axis: " + moved + ")";
  }

  /**
   * The series shown in the chart's legend, with the colours the chart was drawn in (read after
   * drawing: XChart gives series without a set colour their theme colour then).
   */
  static List<LegendEntry> legend(Chart<?, ?> chart) {
    List<LegendEntry> entries = new ArrayList<>();
    for (Object o : chart.getSeriesMap().values()) {
      Series s = (Series) o;
      if (!s.isShowInLegend()) {
        continue;
      }
      Color colour = s.getFillColor();
      boolean dashed = false;
      if (s instanceof AxesChartSeries a && !(s instanceof XYSeries xy && isArea(xy))) {
        if (a.getLineColor() != null) {
          colour = a.getLineColor();
        }
        BasicStroke stroke = a.getLineStyle();
        dashed = stroke != null && stroke.getDashArray() != null;
      }
      if (s instanceof XYSeries xy
          && xy.getXYSeriesRenderStyle() == XYSeries.XYSeriesRenderStyle.Scatter
          && xy.getMarkerColor() != null) {
        colour = xy.getMarkerColor();
      }
      entries.add(new LegendEntry(s.getLabel(), colour == null ? Color.GRAY : colour, dashed));
    }
    return entries;
  }

  private static boolean isArea(XYSeries s) {
    return s.getXYSeriesRenderStyle() == XYSeries.XYSeriesRenderStyle.Area
        || s.getXYSeriesRenderStyle() == XYSeries.XYSeriesRenderStyle.PolygonArea;
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
