package dev.dawn.reporters.run;

import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code runs.csv}: one row per run folder under {@code <results>/runs}, the columns documented in
 * docs/reports.md.
 */
public final class RunsIndex {
  public static final List<String> COLUMNS =
      List.of(
          "run_id",
          "config_name",
          "model",
          "batch_size",
          "optimizer",
          "learning_rate",
          "resolution",
          "status",
          "epochs",
          "time_to_target",
          "hours_to_target",
          "cost_usd",
          "run_dir");

  private RunsIndex() {}

  /**
   * The run folders (those holding events.jsonl) directly under {@code runsDir}, sorted by name.
   */
  public static List<Path> runFolders(Path runsDir) {
    if (!Files.isDirectory(runsDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runsDir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(RunFolder.EVENTS))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runsDir, e);
    }
  }

  public static CsvTable table(List<RunDirectory> runs) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (RunDirectory r : runs) {
      RunRecord rec = r.record();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("run_id", rec.runId());
      row.put("config_name", r.config().get("name"));
      row.put("model", r.setting("model.architecture", "model_name").orElse(null));
      row.put("batch_size", r.setting("train.batchSize", "global_batch_size").orElse(null));
      row.put("optimizer", r.setting("optimizer.name", "opt_name").orElse(null));
      row.put(
          "learning_rate",
          r.setting("optimizer.learningRate", "opt_base_learning_rate").orElse(null));
      row.put("resolution", r.setting("train.resolution", "image_resolution").orElse(null));
      row.put("status", rec.status());
      row.put("epochs", rec.epochs().size());
      if (rec.hoursToTarget().isPresent()) {
        double hours = rec.hoursToTarget().getAsDouble();
        row.put("time_to_target", LeaderboardFigures.duration(hours));
        row.put("hours_to_target", hours);
      }
      if (rec.costToTarget().isPresent()) {
        row.put("cost_usd", rec.costToTarget().getAsDouble());
      }
      row.put("run_dir", r.dir().toString());
      rows.add(row);
    }
    return CsvTable.ofMaps(COLUMNS, rows);
  }
}
