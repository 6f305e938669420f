package dev.dawn.reporters.sweep;

import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.stats.SampleSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code runs.csv} (one row per run) and {@code summary.csv} (one row per cell) of a sweep. Times
 * are training seconds to the target, evaluation excluded (DAWNBench). In the summary every
 * finished run of a cell counts; one that missed the target (or diverged, or failed) enters as
 * +Infinity (see {@link SampleSummary}), and a statistic that is infinite is written as an empty
 * cell. {@code best_accuracy} is the highest value of the target's metric a run evaluated
 * (percent), so cells whose runs all missed the target still show how far they got. The per-cell
 * figures are {@link CellSummary}'s, the same the report and the charts show.
 */
public final class SweepTables {
  private SweepTables() {}

  /** The grid keys, in the spec's order (from the first run). */
  public static List<String> keys(List<SweepRun> runs) {
    return runs.isEmpty() ? List.of() : List.copyOf(runs.get(0).values().keySet());
  }

  public static CsvTable runs(List<SweepRun> runs) {
    List<String> keys = keys(runs);
    List<String> columns = new ArrayList<>(List.of("cell", "repeat"));
    columns.addAll(keys);
    columns.addAll(
        List.of(
            "seed",
            "status",
            "exit_code",
            "time_to_target_s",
            "target_epoch",
            "epochs",
            "images_per_second",
            "best_accuracy",
            "compute_ms_per_step",
            "exposed_comm_ms_per_step",
            "run_folder"));
    List<List<Object>> rows = new ArrayList<>();
    for (SweepRun r : runs) {
      List<Object> row = new ArrayList<>(List.of(r.cell(), r.repeat()));
      for (String k : keys) {
        row.add(r.values().get(k));
      }
      row.add(r.seed());
      row.add(r.status());
      row.add(r.exitCode());
      row.add(r.secondsToTarget());
      row.add(r.targetEpoch() == null ? null : EvaluationPoint.epochNumber(r.targetEpoch()));
      row.add(r.epochs());
      row.add(r.imagesPerSecond());
      row.add(r.bestAccuracy());
      row.add(r.computeMsPerStep());
      row.add(r.exposedCommMsPerStep());
      row.add(r.runFolder());
      rows.add(row);
    }
    return new CsvTable(columns, rows);
  }

  /** Finished runs grouped by cell, cells in order. */
  public static Map<Integer, List<SweepRun>> byCell(List<SweepRun> runs) {
    Map<Integer, List<SweepRun>> cells = new TreeMap<>();
    for (SweepRun r : runs) {
      cells.computeIfAbsent(r.cell(), c -> new ArrayList<>()).add(r);
    }
    return cells;
  }

  /** Every cell's summary, cells in order. */
  public static List<CellSummary> cells(List<SweepRun> runs) {
    return byCell(runs).values().stream().map(CellSummary::of).toList();
  }

  public static CsvTable summary(List<SweepRun> runs) {
    List<String> keys = keys(runs);
    List<String> columns = new ArrayList<>(List.of("cell"));
    columns.addAll(keys);
    columns.addAll(
        List.of(
            "n",
            "reached",
            "median_s",
            "mean_s",
            "olympic_mean_s",
            "min_s",
            "max_s",
            "stdev_s",
            "ci95_low_s",
            "ci95_high_s",
            "best_accuracy_median",
            "target_epoch_median",
            "target_epoch_ci95_low",
            "target_epoch_ci95_high",
            "best_accuracy_ci95_low",
            "best_accuracy_ci95_high",
            "images_per_second_median",
            "images_per_second_ci95_low",
            "images_per_second_ci95_high",
            "compute_ms_per_step_median",
            "compute_ms_per_step_ci95_low",
            "compute_ms_per_step_ci95_high",
            "exposed_comm_ms_per_step_median",
            "exposed_comm_ms_per_step_ci95_low",
            "exposed_comm_ms_per_step_ci95_high"));
    List<Map<String, ?>> rows = new ArrayList<>();
    for (CellSummary cell : cells(runs)) {
      SampleSummary s = cell.seconds();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cell", cell.cell());
      for (String k : keys) {
        row.put(k, cell.values().get(k));
      }
      row.put("n", s.n());
      row.put("reached", s.finite());
      row.put("median_s", finite(s.median()));
      row.put("mean_s", finite(s.mean()));
      row.put("olympic_mean_s", finite(s.olympicMean()));
      row.put("min_s", finite(s.min()));
      row.put("max_s", finite(s.max()));
      row.put("stdev_s", finite(s.stdev()));
      row.put("ci95_low_s", finite(s.interval().low()));
      row.put("ci95_high_s", finite(s.interval().high()));
      SampleSummary best = cell.bestAccuracy();
      row.put("best_accuracy_median", best == null ? null : best.median());
      SampleSummary epochs = cell.epochs();
      row.put("target_epoch_median", finite(epochs.median()));
      row.put("target_epoch_ci95_low", finite(epochs.interval().low()));
      row.put("target_epoch_ci95_high", finite(epochs.interval().high()));
      row.put("best_accuracy_ci95_low", best == null ? null : best.interval().low());
      row.put("best_accuracy_ci95_high", best == null ? null : best.interval().high());
      SampleSummary rate = cell.imagesPerSecond();
      row.put("images_per_second_median", rate == null ? null : finite(rate.median()));
      row.put("images_per_second_ci95_low", rate == null ? null : finite(rate.interval().low()));
      row.put("images_per_second_ci95_high", rate == null ? null : finite(rate.interval().high()));
      putMedianAndInterval(row, "compute_ms_per_step", cell.computeMsPerStep());
      putMedianAndInterval(row, "exposed_comm_ms_per_step", cell.exposedCommMsPerStep());
      rows.add(row);
    }
    return CsvTable.ofMaps(columns, rows);
  }

  /** {@code <name>_median}, {@code _ci95_low} and {@code _ci95_high}; empty without a value. */
  private static void putMedianAndInterval(
      Map<String, Object> row, String name, SampleSummary summary) {
    row.put(name + "_median", summary == null ? null : finite(summary.median()));
    row.put(name + "_ci95_low", summary == null ? null : finite(summary.interval().low()));
    row.put(name + "_ci95_high", summary == null ? null : finite(summary.interval().high()));
  }

  /**
   * Empty when infinite (a miss) or undefined; else rounded to microseconds, far below any run's
   * resolution.
   */
  private static Double finite(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null;
  }
}
