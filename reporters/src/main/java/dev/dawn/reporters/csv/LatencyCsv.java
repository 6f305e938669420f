package dev.dawn.reporters.csv;

import dev.dawn.reporters.dawnbench.PythonFloatFormat;
import dev.dawn.reporters.latency.ImageLatency;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code latencies-<variant>.csv}: one row per validation image of one variant of a {@code dawn
 * infer} run; written by the inference runner, read by the HTML report for its per-image latency
 * charts. The last two columns, the garbage collections and JIT compilation during each image, say
 * whether a slow image shared its time with the JVM's own work; files written before they existed
 * have the first five columns only.
 */
public final class LatencyCsv {
  private static final List<String> TIMING =
      List.of("image_id", "label", "predicted", "latency_ms", "preprocess_ms");
  public static final List<String> HEADER =
      List.of(
          "image_id",
          "label",
          "predicted",
          "latency_ms",
          "preprocess_ms",
          "gc_collections",
          "jit_ms");

  private LatencyCsv() {}

  /**
   * The file of a variant's per-image latencies inside an inference run folder, e.g. {@code
   * latencies-int8-prune0.csv}.
   */
  public static String fileName(String variant) {
    return "latencies-" + variant + ".csv";
  }

  public static String write(List<ImageLatency> images) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (ImageLatency i : images) {
        printer.printRecord(
            i.imageId(),
            i.label(),
            i.predicted(),
            PythonFloatFormat.repr(i.latencyMs()),
            PythonFloatFormat.repr(i.preprocessMs()),
            i.gcCollections() == null ? "" : i.gcCollections(),
            i.jitMs() == null ? "" : i.jitMs());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // StringWriter does not fail
    }
    return out.toString();
  }

  /** Reads a file written by {@link #write}; errors name the file, line and column. */
  public static List<ImageLatency> read(Path file) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<ImageLatency> images = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      if (!header.equals(HEADER) && !header.equals(TIMING)) {
        throw new IllegalArgumentException(
            file + ": header must be " + HEADER + " (or its first five), found " + header);
      }
      boolean jvm = header.equals(HEADER);
      for (CSVRecord r : parser) {
        String where = file + ":" + (r.getRecordNumber() + 1);
        if (r.size() != header.size()) {
          throw new IllegalArgumentException(
              where + ": " + r.size() + " fields, header has " + header.size());
        }
        images.add(
            new ImageLatency(
                r.get(0),
                integer(where, "label", r.get(1)),
                integer(where, "predicted", r.get(2)),
                number(where, "latency_ms", r.get(3)),
                number(where, "preprocess_ms", r.get(4)),
                jvm ? optionalCount(where, "gc_collections", r.get(5)) : null,
                jvm ? optionalCount(where, "jit_ms", r.get(6)) : null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return images;
  }

  private static int integer(String where, String column, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": column '" + column + "' must be an integer, got '" + text + "'");
    }
  }

  private static Long optionalCount(String where, String column, String text) {
    if (text.isBlank()) return null;
    try {
      long v = Long.parseLong(text.strip());
      if (v >= 0) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        where + ": column '" + column + "' must be an integer >= 0 or empty, got '" + text + "'");
  }

  private static double number(String where, String column, String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": column '" + column + "' must be a number, got '" + text + "'");
    }
  }
}
