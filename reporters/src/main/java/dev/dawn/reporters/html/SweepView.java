package dev.dawn.reporters.html;

import dev.dawn.reporters.compare.CellPair;
import dev.dawn.reporters.compare.ComparedRun;
import dev.dawn.reporters.compare.RunComparison;
import dev.dawn.reporters.compare.SweepPairs;
import dev.dawn.reporters.events.EventLogFormatException;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.sweep.CellSummary;
import dev.dawn.reporters.sweep.SweepAxes;
import dev.dawn.reporters.sweep.SweepResults;
import dev.dawn.reporters.sweep.SweepRun;
import dev.dawn.reporters.sweep.SweepTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the report shows of one sweep folder, read before anything is rendered: its runs (from
 * the sweep's log and each run's own), the per-cell summaries, the run folders for the curves, and
 * the {@code dawn compare} of each pair of cells it is compared on.
 *
 * @param dir the sweep folder
 * @param runs finished runs, in the order they ran
 * @param cells per-cell summaries, cells in order
 * @param folders the runs' folders that could be read, sorted by cell then repeat
 * @param cellNames each run's cell name by run id (the legend entry of its curves)
 * @param pairsNamed true when the spec names the pairs, false when they were derived
 * @param pairs the comparisons, in order
 */
record SweepView(
    Path dir,
    List<SweepRun> runs,
    List<CellSummary> cells,
    List<RunDirectory> folders,
    Map<String, String> cellNames,
    boolean pairsNamed,
    List<Pair> pairs) {

  /**
   * One compared pair: the comparison, or why there is none (a side without runs, runs that do not
   * compare).
   */
  record Pair(CellPair cells, RunComparison comparison, String problem) {}

  /**
   * Reads a sweep folder; {@code known} are run folders already read (by absolute path), reused
   * instead of read again.
   */
  static SweepView load(Path dir, Map<Path, RunDirectory> known) {
    List<SweepRun> runs = SweepResults.read(dir);
    List<RunDirectory> folders = new ArrayList<>();
    Map<String, String> cellNames = new LinkedHashMap<>();
    List<SweepRun> ordered =
        runs.stream()
            .sorted(Comparator.comparingInt(SweepRun::cell).thenComparingInt(SweepRun::repeat))
            .toList();
    for (SweepRun r : ordered) {
      Path folder = folder(dir, r);
      if (folder == null) {
        continue;
      }
      RunDirectory run = known.get(folder);
      if (run == null) {
        try {
          run = RunDirectory.read(folder);
        } catch (IllegalArgumentException | EventLogFormatException unusable) {
          continue; // its row in the runs table says the run failed
        }
      }
      folders.add(run);
      cellNames.put(run.id(), SweepAxes.cellName(runs, r.values()));
    }
    List<CellPair> named = SweepPairs.named(dir.resolve(SweepPairs.SPEC_FILE));
    List<CellPair> pairs = named.isEmpty() ? SweepPairs.derived(runs) : named;
    List<Pair> compared = new ArrayList<>();
    for (CellPair p : pairs) {
      compared.add(compare(dir, runs, p));
    }
    return new SweepView(
        dir, runs, SweepTables.cells(runs), folders, cellNames, !named.isEmpty(), compared);
  }

  /** The sweep's name: its folder's. */
  String name() {
    return String.valueOf(dir.getFileName());
  }

  /** The most runs any cell has. */
  int repeats() {
    return cells.stream().mapToInt(CellSummary::n).max().orElse(0);
  }

  private static Pair compare(Path dir, List<SweepRun> runs, CellPair pair) {
    try {
      List<ComparedRun> a = read(dir, SweepPairs.select(runs, pair.a()));
      List<ComparedRun> b = read(dir, SweepPairs.select(runs, pair.b()));
      return new Pair(pair, RunComparison.of(pair.a().toString(), a, pair.b().toString(), b), null);
    } catch (IllegalArgumentException | EventLogFormatException e) {
      // no runs on a side, runs that do not compare, or a run whose log does not read
      return new Pair(pair, null, e.getMessage());
    }
  }

  private static List<ComparedRun> read(Path dir, List<SweepRun> runs) {
    List<ComparedRun> read = new ArrayList<>();
    for (SweepRun r : runs) {
      Path folder = folder(dir, r);
      if (folder != null) {
        read.add(ComparedRun.read(folder));
      }
    }
    return read;
  }

  /** The run's folder, absolute; null when it has none. */
  static Path folder(Path sweepDir, SweepRun run) {
    if (run.runFolder() == null) {
      return null;
    }
    Path folder = sweepDir.resolve(run.runFolder()).toAbsolutePath().normalize();
    return Files.isRegularFile(folder.resolve(RunFolder.EVENTS)) ? folder : null;
  }
}
