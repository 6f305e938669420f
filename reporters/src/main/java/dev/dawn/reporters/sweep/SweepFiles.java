package dev.dawn.reporters.sweep;

import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.charts.ChartFormat;
import dev.dawn.reporters.charts.SweepCharts;
import dev.dawn.reporters.csv.CsvTableWriter;
import dev.dawn.reporters.stats.SampleSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.knowm.xchart.XYChart;

/**
 * Rebuilds a sweep folder's derived files from its events: {@code runs.csv}, {@code summary.csv}
 * and, per numeric grid key, the charts {@code time-to-target-vs-<key>.png}, {@code
 * images-per-second-vs-<key>.png} and {@code best-accuracy-vs-<key>.png}. Safe to call after every
 * run and on a killed sweep.
 */
public final class SweepFiles {
  public static final String RUNS_CSV = "runs.csv";
  public static final String SUMMARY_CSV = "summary.csv";

  private SweepFiles() {}

  /**
   * @return the files written
   */
  public static List<Path> write(Path sweepDir) {
    List<SweepRun> runs = SweepResults.read(sweepDir);
    List<Path> written = new ArrayList<>();
    written.add(
        writeText(sweepDir.resolve(RUNS_CSV), CsvTableWriter.write(SweepTables.runs(runs))));
    written.add(
        writeText(sweepDir.resolve(SUMMARY_CSV), CsvTableWriter.write(SweepTables.summary(runs))));
    for (var chart : charts(runs).entrySet()) {
      Path file = sweepDir.resolve(chart.getKey() + ".png");
      written.add(writeBytes(file, ChartEncoder.encode(chart.getValue(), ChartFormat.PNG)));
    }
    return written;
  }

  /**
   * The charts by file name without extension: per numeric key, {@code time-to-target-vs-<key>}
   * (seconds of training; a cell with a missed run has no finite mean and is not drawn) and {@code
   * images-per-second-vs-<key>} (the runs' mean training throughput, missed runs included) and
   * {@code best-accuracy-vs-<key>} (the runs' highest accuracy on the target's metric).
   */
  public static Map<String, XYChart> charts(List<SweepRun> runs) {
    Map<String, XYChart> charts = new java.util.LinkedHashMap<>();
    long missed =
        SweepTables.byCell(runs).values().stream()
            .filter(cell -> !Double.isFinite(SweepTables.summaryOf(cell).mean()))
            .count();
    for (String key : numericKeys(runs)) {
      String file = key.replaceAll("[^A-Za-z0-9._-]", "_");
      String title =
          "Time to target vs "
              + key
              + (missed == 0 ? "" : " (" + missed + " cell(s) with a missed run not drawn)");
      charts.put(
          "time-to-target-vs-" + file,
          SweepCharts.spreadVs(
              title,
              key,
              "Time to target (s of training, mean \u00b1 stdev)",
              points(runs, key, SweepTables::summaryOf)));
      charts.put(
          "images-per-second-vs-" + file,
          SweepCharts.spreadVs(
              "Training images/s vs " + key,
              key,
              "Images/s (mean \u00b1 stdev over the runs)",
              points(runs, key, SweepFiles::imagesPerSecond)));
      charts.put(
          "best-accuracy-vs-" + file,
          SweepCharts.spreadVs(
              "Best accuracy vs " + key,
              key,
              "Highest accuracy on the target's metric (%, mean \u00b1 stdev)",
              points(runs, key, SweepFiles::bestAccuracy)));
    }
    return charts;
  }

  /** The cell's runs' mean training images/s (runs without a finished epoch left out). */
  static SampleSummary imagesPerSecond(List<SweepRun> cellRuns) {
    return finiteSummary(cellRuns.stream().map(SweepRun::imagesPerSecond));
  }

  /** The summary of the values present; without any, one without a finite mean (not drawn). */
  private static SampleSummary finiteSummary(java.util.stream.Stream<Double> values) {
    double[] v = values.filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    return SampleSummary.of(v.length == 0 ? new double[] {Double.POSITIVE_INFINITY} : v);
  }

  /**
   * The cell's runs' highest accuracy on the target's metric, reached or not (runs without an
   * evaluation left out): drawn for every cell, also where time to target is not.
   */
  static SampleSummary bestAccuracy(List<SweepRun> cellRuns) {
    return finiteSummary(cellRuns.stream().map(SweepRun::bestAccuracy));
  }

  /** Grid keys whose values are all numbers. */
  static List<String> numericKeys(List<SweepRun> runs) {
    List<String> numeric = new ArrayList<>();
    for (String key : SweepTables.keys(runs)) {
      if (runs.stream().allMatch(r -> r.values().get(key) instanceof Number)) {
        numeric.add(key);
      }
    }
    return numeric;
  }

  /**
   * One point per cell whose {@code quantity} has a finite mean (for time to target: whose runs all
   * reached the target). Lines are the values of the other keys, except keys that follow from
   * {@code key} and the text keys (a learning rate zipped with the batch size, or chosen per
   * optimizer and batch size), which would split every line into single points.
   */
  static List<SweepCharts.SpreadPoint> points(
      List<SweepRun> runs,
      String key,
      java.util.function.Function<List<SweepRun>, SampleSummary> quantity) {
    List<String> keys = SweepTables.keys(runs);
    List<String> numeric = numericKeys(runs);
    List<String> others = new ArrayList<>();
    for (String k : keys) {
      if (k.equals(key)) {
        continue;
      }
      List<String> given = new ArrayList<>(List.of(key));
      keys.stream().filter(g -> !numeric.contains(g) && !g.equals(k)).forEach(given::add);
      if (!determinedBy(runs, k, given)) {
        others.add(k);
      }
    }
    List<SweepCharts.SpreadPoint> points = new ArrayList<>();
    for (List<SweepRun> cell : SweepTables.byCell(runs).values()) {
      SampleSummary s = quantity.apply(cell);
      if (!Double.isFinite(s.mean())) {
        continue;
      }
      StringJoiner line = new StringJoiner(", ");
      for (String k : others) {
        line.add(k + "=" + cell.get(0).values().get(k));
      }
      points.add(
          new SweepCharts.SpreadPoint(
              line.toString(),
              ((Number) cell.get(0).values().get(key)).doubleValue(),
              s.mean(),
              s.stdev()));
    }
    return points;
  }

  /** True when the runs' values of {@code given} fix the value of {@code key}. */
  static boolean determinedBy(List<SweepRun> runs, String key, List<String> given) {
    Map<List<Object>, Object> seen = new HashMap<>();
    for (SweepRun r : runs) {
      List<Object> at = new ArrayList<>();
      given.forEach(g -> at.add(r.values().get(g)));
      Object value = r.values().get(key);
      if (seen.containsKey(at) && !Objects.equals(seen.get(at), value)) {
        return false;
      }
      seen.put(at, value);
    }
    return true;
  }

  private static Path writeText(Path file, String text) {
    return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Written to a temporary file and moved over the old one, so a reader never sees half a file. */
  private static Path writeBytes(Path file, byte[] bytes) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
