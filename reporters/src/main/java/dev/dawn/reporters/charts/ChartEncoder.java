package dev.dawn.reporters.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
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

  /** An encoded chart: its format and bytes. */
  public record Encoded(ChartFormat format, byte[] bytes) {
    /** The media type for a {@code data:} URL. */
    public String mediaType() {
      return format == ChartFormat.PNG ? "image/png" : "image/svg+xml";
    }
  }

  /**
   * The chart drawn at {@code width} x {@code height} px, as PNG or SVG, whichever is smaller: a
   * page that embeds its charts stays small. (XChart draws text as glyph outlines, so a chart with
   * labels is usually smaller as PNG; one made of a few long lines can be smaller as SVG.)
   */
  public static Encoded smallest(Chart<?, ?> chart, int width, int height) {
    byte[] png = png(chart, width, height);
    // The PNG pass has sized the chart to width x height, which the SVG encoder reads back.
    byte[] svg = encode(chart, ChartFormat.SVG);
    return svg.length < png.length
        ? new Encoded(ChartFormat.SVG, svg)
        : new Encoded(ChartFormat.PNG, png);
  }

  /** PNG of the chart drawn at {@code width} x {@code height} px (antialiased, headless). */
  public static byte[] png(Chart<?, ?> chart, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      chart.paint(g, width, height);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "' as PNG", e);
    }
    return out.toByteArray();
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
