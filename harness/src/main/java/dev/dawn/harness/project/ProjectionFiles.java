package dev.dawn.harness.project;

import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.charts.ProjectionCharts;
import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.csv.CsvTableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a projection as a CSV (one row per epoch) and a stacked-bar chart, and a fusion sweep as
 * CSV and chart.
 */
public final class ProjectionFiles {
  /** Columns of the per-epoch CSV. */
  public static final List<String> COLUMNS =
      List.of(
          "epoch",
          "resolution",
          "global_batch",
          "steps",
          "compute_hours",
          "communication_hours",
          "input_hours",
          "epoch_hours",
          "cumulative_hours");

  private ProjectionFiles() {}

  public static CsvTable table(Projection p) {
    List<List<Object>> rows = new ArrayList<>();
    for (EpochProjection e : p.epochs()) {
      rows.add(
          List.of(
              e.epoch(),
              e.resolution(),
              e.globalBatch(),
              e.steps(),
              e.computeHours(),
              e.communicationHours(),
              e.inputHours(),
              e.hours(),
              e.cumulativeHours()));
    }
    return new CsvTable(COLUMNS, rows);
  }

  /** Writes {@code base.csv}, {@code base.png} and {@code base.svg}; returns them. */
  public static List<Path> write(Projection p, Path base) {
    List<Path> written = new ArrayList<>();
    written.add(text(base, ".csv", CsvTableWriter.write(table(p))));
    List<ProjectionCharts.EpochBar> bars =
        p.epochs().stream()
            .map(
                e ->
                    new ProjectionCharts.EpochBar(
                        e.epoch() + " (" + e.resolution() + " px)",
                        e.computeHours(),
                        e.communicationHours(),
                        e.inputHours()))
            .toList();
    String title = p.recipe() + " on " + p.devices() + " x " + p.hardware();
    written.addAll(ChartEncoder.writeBoth(ProjectionCharts.epochBreakdown(title, bars), base));
    return written;
  }

  /**
   * Fusion sweep: {@code base.csv} (threshold_bytes, threshold_mib, messages, hours) and the chart.
   */
  public static List<Path> writeSweep(String title, List<FusionSweep.Point> points, Path base) {
    List<List<Object>> rows = new ArrayList<>();
    for (FusionSweep.Point pt : points) {
      rows.add(
          List.of(
              pt.thresholdBytes(),
              pt.thresholdBytes() / (double) (1L << 20),
              pt.messages(),
              pt.hours()));
    }
    List<Path> written = new ArrayList<>();
    written.add(
        text(
            base,
            ".csv",
            CsvTableWriter.write(
                new CsvTable(
                    List.of("threshold_bytes", "threshold_mib", "messages", "hours_to_target"),
                    rows))));
    var chartPoints =
        points.stream()
            .map(
                pt ->
                    new ProjectionCharts.SweepPoint(
                        pt.thresholdBytes() / (double) (1L << 20), pt.hours()))
            .toList();
    written.addAll(
        ChartEncoder.writeBoth(
            ProjectionCharts.hoursVsParameter(
                title,
                "Fusion threshold (MiB)",
                chartPoints,
                "threshold 0: one message per gradient tensor"),
            base));
    return written;
  }

  /**
   * The check of a sweep, one row per cell: its swept values, role, runs, measured and projected
   * compute, exposed communication and time to target (the measured median's 95% interval beside
   * it). Written to {@code file}; returns it.
   */
  public static Path writeSweepCheck(SweepCheck.Result result, Path file) {
    List<String> keys =
        result.rows().isEmpty()
            ? List.of()
            : List.copyOf(result.rows().get(0).cell().values().keySet());
    List<String> columns = new ArrayList<>(List.of("cell"));
    columns.addAll(keys);
    columns.addAll(
        List.of(
            "role",
            "runs",
            "compute_ms_measured",
            "compute_ms_projected",
            "exposed_comm_ms_measured",
            "exposed_comm_ms_projected",
            "time_to_target_s_measured",
            "time_to_target_s_ci95_low",
            "time_to_target_s_ci95_high",
            "time_to_target_s_projected",
            "target_epoch_measured"));
    List<List<Object>> rows = new ArrayList<>();
    for (SweepCheck.Row r : result.rows()) {
      MeasuredCell c = r.cell();
      List<Object> row = new ArrayList<>(List.of(c.cell()));
      for (String k : keys) row.add(c.values().get(k));
      row.addAll(
          java.util.Arrays.asList(
              r.fitted() ? "fitted" : "predicted",
              c.runs(),
              c.computeMs(),
              r.computeMs(),
              c.exposedMs(),
              r.exposedMs(),
              c.seconds(),
              c.secondsLow(),
              c.secondsHigh(),
              r.seconds(),
              c.targetEpoch()));
      rows.add(row);
    }
    return text(
        file.resolveSibling(file.getFileName().toString().replaceAll("\\.csv$", "")),
        ".csv",
        CsvTableWriter.write(new CsvTable(columns, rows)));
  }

  private static Path text(Path base, String extension, String content) {
    Path file = base.resolveSibling(base.getFileName() + extension);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
