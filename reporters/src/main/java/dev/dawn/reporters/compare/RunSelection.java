package dev.dawn.reporters.compare;

import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The run folders one side of {@code dawn compare} names. A side is one of:
 *
 * <ul>
 *   <li>a run folder (holds {@code events.jsonl});
 *   <li>run folders separated by commas: {@code results/runs/a,results/runs/b};
 *   <li>a sweep folder (holds {@value #RUNS_CSV}): every run of the sweep;
 *   <li>a sweep cell: {@code SWEEP_DIR@key=value,key=value}, the runs whose {@value #RUNS_CSV}
 *       columns have those values (numbers compare by value, so {@code 1024} matches {@code
 *       1024.0}).
 * </ul>
 *
 * A sweep's {@value #RUNS_CSV} has one row per run and a {@value #RUN_FOLDER_COLUMN} column (see
 * {@link #resolve}); rows with an empty run folder (never started) are skipped.
 */
public final class RunSelection {
  public static final String RUNS_CSV = "runs.csv";
  public static final String RUN_FOLDER_COLUMN = "run_folder";

  private RunSelection() {}

  /** The run folders a side names; messages name the argument and what is wrong with it. */
  public static List<Path> folders(String side) {
    Path whole = Path.of(side);
    if (Files.isDirectory(whole)) {
      return folder(whole, Map.of(), side);
    }
    int at = side.indexOf('@');
    if (at > 0 && Files.isDirectory(Path.of(side.substring(0, at)))) {
      Path sweep = Path.of(side.substring(0, at));
      return folder(sweep, cell(side.substring(at + 1), side), side);
    }
    if (side.contains(",")) {
      List<Path> runs = new ArrayList<>();
      for (String part : side.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        Path p = Path.of(part.strip());
        if (!Files.isRegularFile(p.resolve(RunFolder.EVENTS))) {
          throw new IllegalArgumentException(
              part.strip() + ": not a run folder (no " + RunFolder.EVENTS + " inside)");
        }
        runs.add(p);
      }
      return runs;
    }
    throw new IllegalArgumentException(
        side
            + ": no such folder (expected a run folder, run folders separated by"
            + " commas, a sweep folder or SWEEP_DIR@key=value)");
  }

  private static List<Path> folder(Path dir, Map<String, String> cell, String side) {
    if (Files.isRegularFile(dir.resolve(RunFolder.EVENTS))) {
      if (!cell.isEmpty()) {
        throw new IllegalArgumentException(
            side
                + ": "
                + dir
                + " is a run folder; '@key=value' selects runs of"
                + " a sweep folder");
      }
      return List.of(dir);
    }
    if (Files.isRegularFile(dir.resolve(RUNS_CSV))) {
      return sweepRuns(dir, cell, side);
    }
    throw new IllegalArgumentException(
        side
            + ": "
            + dir
            + " is neither a run folder (no "
            + RunFolder.EVENTS
            + ") nor a sweep folder (no "
            + RUNS_CSV
            + ")");
  }

  private static Map<String, String> cell(String spec, String side) {
    return CellSelector.parse(spec, side).values();
  }

  private static List<Path> sweepRuns(Path sweep, Map<String, String> cell, String side) {
    Path csv = sweep.resolve(RUNS_CSV);
    List<Path> runs = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (!header.containsKey(RUN_FOLDER_COLUMN)) {
        throw new IllegalArgumentException(
            csv
                + ": no '"
                + RUN_FOLDER_COLUMN
                + "' column (columns: "
                + String.join(", ", header.keySet())
                + ")");
      }
      for (String key : cell.keySet()) {
        if (!header.containsKey(key)) {
          throw new IllegalArgumentException(
              side
                  + ": "
                  + csv
                  + " has no column '"
                  + key
                  + "' (columns: "
                  + String.join(", ", header.keySet())
                  + ")");
        }
      }
      for (CSVRecord row : parser) {
        if (!matches(row, cell)) {
          continue;
        }
        String folder = row.isSet(RUN_FOLDER_COLUMN) ? row.get(RUN_FOLDER_COLUMN).strip() : "";
        if (folder.isEmpty()) {
          continue;
        }
        runs.add(resolve(sweep, folder, csv, row.getRecordNumber() + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(csv + ": not a CSV table: " + e.getMessage(), e);
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException(
          side + ": no run in " + csv + (cell.isEmpty() ? "" : " matches " + cell));
    }
    return runs;
  }

  private static boolean matches(CSVRecord row, Map<String, String> cell) {
    Map<String, String> values = new LinkedHashMap<>();
    cell.keySet().forEach(k -> values.put(k, row.isSet(k) ? row.get(k) : ""));
    return new CellSelector(cell).matches(values);
  }

  /**
   * A {@value #RUN_FOLDER_COLUMN} cell as a folder: absolute as given; otherwise relative to the
   * sweep folder, to the working directory, or a run id under {@code <results>/runs} (a sweep
   * folder is {@code <results>/sweeps/<name>}).
   */
  private static Path resolve(Path sweep, String folder, Path csv, long line) {
    Path given = Path.of(folder);
    List<Path> candidates = new ArrayList<>();
    if (given.isAbsolute()) {
      candidates.add(given);
    } else {
      candidates.add(sweep.resolve(given));
      candidates.add(given);
      Path results = sweep.toAbsolutePath().normalize().getParent();
      if (results != null && results.getParent() != null) {
        candidates.add(results.getParent().resolve("runs").resolve(given));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate.resolve(RunFolder.EVENTS))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        csv
            + " line "
            + line
            + ": run folder '"
            + folder
            + "' has no "
            + RunFolder.EVENTS
            + " (looked in "
            + candidates.stream()
                .map(Path::toString)
                .collect(java.util.stream.Collectors.joining(", "))
            + ")");
  }
}
