package dev.dawn.reporters.charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Encodes XChart charts as PNG (BitmapEncoder) or SVG (VectorGraphicsEncoder), headless. */
public final class ChartEncoder {
  static {
    // Rendering must work on display-less servers.
    System.setProperty("java.awt.headless", "true");
  }

  private ChartEncoder() {}

  public static byte[] encode(Chart<?, ?> chart, ChartFormat format) {
    try {
      if (format == ChartFormat.PNG) {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot render chart '" + chart.getTitle() + "' as " + format, e);
    }
  }

  /**
   * The SVG as an element to paste into HTML5: the XML prolog and DOCTYPE are dropped (not allowed
   * inside HTML), {@code role="img"}, {@code aria-label} and a {@code <title>} name the chart, and
   * the encoder's element ids get {@code idPrefix} so several charts in one page cannot capture
   * each other's clip paths.
   */
  public static String inlineSvg(Chart<?, ?> chart, String idPrefix) {
    if (!idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "SVG id prefix must be a letter then letters, digits, '_' or '-', got '"
              + idPrefix
              + "'");
    }
    String svg = new String(encode(chart, ChartFormat.SVG), StandardCharsets.UTF_8);
    int start = svg.indexOf("<svg");
    int open = start < 0 ? -1 : svg.indexOf('>', start);
    if (open < 0) {
      throw new IllegalStateException(
          "VectorGraphicsEncoder produced no <svg> element for chart '" + chart.getTitle() + "'");
    }
    String label = dev.dawn.reporters.html.text.HtmlText.escape(chart.getTitle());
    String body =
        svg.substring(open + 1)
            .replace("id=\"", "id=\"" + idPrefix)
            .replace("url(#", "url(#" + idPrefix);
    return "<svg role=\"img\" aria-label=\""
        + label
        + "\""
        + svg.substring(start + 4, open + 1)
        + "<title>"
        + label
        + "</title>"
        + body;
  }

  /** Writes {@code <base>.png} and {@code <base>.svg}; returns both paths. */
  public static List<Path> writeBoth(Chart<?, ?> chart, Path base) {
    List<Path> written = new ArrayList<>();
    for (ChartFormat f : ChartFormat.values()) {
      Path file = base.resolveSibling(base.getFileName() + "." + f.extension());
      try {
        Files.write(file, encode(chart, f));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write chart " + file, e);
      }
      written.add(file);
    }
    return written;
  }
}
