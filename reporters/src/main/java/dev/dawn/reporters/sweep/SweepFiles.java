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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;

/**
 * Rebuilds a sweep folder's derived files from its events: {@code runs.csv}, {@code summary.csv}
 * and, per chart key ({@link SweepAxes#chartKeys}), the charts {@code time-to-target-vs-<key>.png},
 * {@code images-per-second-vs-<key>.png} and {@code best-accuracy-vs-<key>.png}. Safe to call after
 * every run and on a killed sweep.
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
   * The charts by file name without extension, per chart key ({@link SweepAxes#chartKeys}): {@code
   * time-to-target-vs-<key>} (seconds of training; a cell whose median run missed the target has no
   * finite median and is not drawn), {@code images-per-second-vs-<key>} (missed runs included) and
   * {@code best-accuracy-vs-<key>} (the runs' highest accuracy on the target's metric, reached or
   * not). Each cell is its median over the repeats with the 95% bootstrap interval of the median as
   * a band, the figures of {@link CellSummary}; one line per value of the other keys.
   */
  public static Map<String, XYChart> charts(List<SweepRun> runs) {
    Map<String, XYChart> charts = new LinkedHashMap<>();
    List<CellSummary> cells = SweepTables.cells(runs);
    long missed = cells.stream().filter(c -> !Double.isFinite(c.seconds().median())).count();
    for (String key : SweepAxes.chartKeys(runs)) {
      String file = key.replaceAll("[^A-Za-z0-9._-]", "_");
      Map<Integer, String> lines = SweepAxes.lines(runs, key);
      charts.put(
          "time-to-target-vs-" + file,
          SweepCharts.medianVs(
              "Time to target vs "
                  + key
                  + (missed == 0
                      ? ""
                      : " (" + missed + " of " + cells.size() + " cells: median run missed)"),
              key,
              "Time to target (s, median)",
              points(cells, key, lines, CellSummary::seconds)));
      charts.put(
          "images-per-second-vs-" + file,
          SweepCharts.medianVs(
              "Training images/s vs " + key,
              key,
              "Images/s (median)",
              points(cells, key, lines, CellSummary::imagesPerSecond)));
      charts.put(
          "best-accuracy-vs-" + file,
          SweepCharts.medianVs(
              "Best accuracy vs " + key,
              key,
              "Best accuracy (%, median)",
              points(cells, key, lines, CellSummary::bestAccuracy)));
    }
    return charts;
  }

  /** One point per cell whose quantity has a finite median, on the cell's line. */
  static List<SweepCharts.BandPoint> points(
      List<CellSummary> cells,
      String key,
      Map<Integer, String> lines,
      Function<CellSummary, SampleSummary> quantity) {
    List<SweepCharts.BandPoint> points = new ArrayList<>();
    for (CellSummary cell : cells) {
      SampleSummary s = quantity.apply(cell);
      if (s == null || !Double.isFinite(s.median())) {
        continue;
      }
      points.add(
          new SweepCharts.BandPoint(
              lines.get(cell.cell()),
              ((Number) cell.values().get(key)).doubleValue(),
              s.median(),
              s.interval().low(),
              s.interval().high()));
    }
    return points;
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
