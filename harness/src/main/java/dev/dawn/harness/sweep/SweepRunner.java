package dev.dawn.harness.sweep;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.events.SweepRunStart;
import dev.dawn.reporters.events.SweepRunStop;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.sweep.SweepFiles;
import dev.dawn.reporters.sweep.SweepResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs the missing runs of a sweep folder in plan order. Each run's start and stop go to {@code
 * sweep-events.jsonl} (append-only, flushed per line), and the CSVs and charts are rebuilt after
 * every run, so a sweep killed at any moment keeps every finished run and {@code --resume} starts
 * exactly the missing ones. A run that fails, diverges or misses the target is recorded as such and
 * the sweep goes on.
 */
public final class SweepRunner {
  /** Child runs' console output, one file per run, inside the sweep folder. */
  public static final String LOGS_DIR = "logs";

  /**
   * Run folders, inside the sweep folder (so {@code dawn report --results SWEEP_DIR} shows them).
   */
  public static final String RUNS_DIR = "runs";

  /** Each run's effective config, written by the sweep and given to the run, one file per run. */
  public static final String CONFIGS_DIR = "configs";

  /** What a call to {@link #run} did. */
  public record Outcome(int planned, int alreadyDone, int ran, Map<String, Integer> statuses) {}

  private final SweepSpec spec;
  private final SweepPlan plan;
  private final Path sweepDir;
  private final RunLauncher launcher;
  private final ProgressLine progress;

  public SweepRunner(
      SweepSpec spec, SweepPlan plan, Path sweepDir, RunLauncher launcher, ProgressLine progress) {
    this.spec = spec;
    this.plan = plan;
    this.sweepDir = sweepDir;
    this.launcher = launcher;
    this.progress = progress;
  }

  public Outcome run() throws IOException, InterruptedException {
    Path eventsFile = sweepDir.resolve(SweepResults.EVENTS_FILE);
    Files.createDirectories(sweepDir.resolve(LOGS_DIR));
    Set<List<Integer>> done = new HashSet<>();
    int ran = 0;
    try (EventLog events = EventLog.append(eventsFile)) {
      adoptFinishedOrphans(eventsFile, events);
      for (SweepRunStop stop : SweepRunStop.KIND.in(read(eventsFile)))
        done.add(List.of(stop.cell(), stop.repeat()));
      List<SweepPlan.PlannedRun> missing =
          plan.runs().stream()
              .filter(r -> !done.contains(List.of(r.cell().number(), r.repeat())))
              .toList();
      int alreadyDone = plan.runs().size() - missing.size();
      if (alreadyDone > 0) {
        progress.message(
            String.format(
                Locale.ROOT,
                "sweep %s: %d of %d runs already finished, %d to go",
                spec.name(),
                alreadyDone,
                plan.runs().size(),
                missing.size()));
      }
      long startedNs = System.nanoTime();
      for (SweepPlan.PlannedRun run : missing) {
        double perRun = ran == 0 ? Double.NaN : (System.nanoTime() - startedNs) / 1e9 / ran;
        progress.message(
            String.format(
                Locale.ROOT,
                "sweep %s: cell %d of %d (%s), repeat %d of %d, run %d of %d, ETA %s",
                spec.name(),
                run.cell().number(),
                plan.cells().size(),
                run.cell().describe(),
                run.repeat(),
                plan.repeats(),
                alreadyDone + ran + 1,
                plan.runs().size(),
                ProgressLine.clock(perRun * (missing.size() - ran))));
        runOne(run, events);
        ran++;
        SweepFiles.write(sweepDir);
      }
      SweepFiles.write(sweepDir);
      Map<String, Integer> statuses = new java.util.TreeMap<>();
      SweepResults.read(sweepDir).forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
      return new Outcome(plan.runs().size(), alreadyDone, ran, statuses);
    }
  }

  private void runOne(SweepPlan.PlannedRun run, EventLog events)
      throws IOException, InterruptedException {
    int cell = run.cell().number();
    String name = SweepPlan.runName(spec.name(), cell, run.repeat());
    // The sweep makes the run's folder and its config file and hands both to the child, so it
    // never has to find out afterwards where the run went or re-read what it set.
    RunFolder folder = RunFolder.create(sweepDir, name, LocalDateTime.now());
    Path config = writeConfig(run, name);
    String relative = sweepDir.relativize(folder.dir()).toString();
    events.write(
        new SweepRunStart(
            cell, run.repeat(), run.seed(), name, run.cell().plainValues(), relative));
    Path log = sweepDir.resolve(LOGS_DIR).resolve(name + ".log");
    int exit;
    String detail = null;
    try {
      exit = launcher.train(trainArgs(config, folder), log);
    } catch (IOException e) {
      exit = 1;
      detail = "could not start the run: " + e.getMessage();
    }
    boolean ran = RunFolder.isRun(folder.dir());
    if (!ran) {
      // refused before it started (bad input): the empty folder the sweep made goes
      Files.deleteIfExists(folder.dir());
      if (detail == null) detail = lastLine(log);
    }
    events.write(
        new SweepRunStop(cell, run.repeat(), exit, ran ? relative : null, ran ? null : detail));
    progress.message(
        String.format(
            Locale.ROOT,
            "sweep %s: cell %d repeat %d ended with exit status %d%s",
            spec.name(),
            cell,
            run.repeat(),
            exit,
            ran ? " (" + relative + ")" : " and no run folder: " + detail));
  }

  /**
   * The run's effective config, as the child will read it: the base config, its scale and the
   * cell's keys bound by the same rules as {@code dawn train}, written whole under {@code
   * configs/}.
   */
  Path writeConfig(SweepPlan.PlannedRun run, String name) throws IOException {
    ConfigLoader loader = new ConfigLoader();
    ConfigLoader.Loaded loaded =
        loader.load(
            spec.base(),
            spec.scale(),
            List.of(),
            SweepValidation.settings(spec, run.cell(), run.repeat(), run.seed()));
    Path file = sweepDir.resolve(CONFIGS_DIR).resolve(name + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, loader.toYaml(loaded.tree()), StandardCharsets.UTF_8);
    return file;
  }

  /** The {@code dawn train} arguments of a run: its config file and its run folder. */
  List<String> trainArgs(Path config, RunFolder folder) {
    return List.of(
        "--config",
        config.toString(),
        "--results",
        sweepDir.toString(),
        "--run-folder",
        folder.dir().toString());
  }

  /**
   * A run started but not recorded as stopped (the sweep was killed): if its child finished anyway,
   * its run folder is complete and is recorded now instead of being run again; otherwise the run is
   * run again.
   */
  private void adoptFinishedOrphans(Path eventsFile, EventLog events) throws IOException {
    List<Event> read = read(eventsFile);
    Set<List<Integer>> stopped = new HashSet<>();
    Set<String> recorded = new HashSet<>();
    for (SweepRunStop s : SweepRunStop.KIND.in(read)) {
      stopped.add(List.of(s.cell(), s.repeat()));
      if (s.runFolder() != null) recorded.add(s.runFolder());
    }
    Map<List<Integer>, SweepRunStart> open = new HashMap<>();
    for (SweepRunStart s : SweepRunStart.KIND.in(read)) {
      if (!stopped.contains(List.of(s.cell(), s.repeat())))
        open.put(List.of(s.cell(), s.repeat()), s);
    }
    for (SweepRunStart s : open.values()) {
      for (Path folder : foldersOf(s)) {
        String relative = sweepDir.relativize(folder).toString();
        if (recorded.contains(relative)) continue;
        List<RunStop> stops =
            RunStop.KIND.in(EventLogReader.read(folder.resolve(RunFolder.EVENTS)));
        if (stops.isEmpty()) continue; // cut off mid-run: run again
        events.write(
            new SweepRunStop(
                s.cell(), s.repeat(), exitStatus(stops.get(0).status()), relative, null));
        progress.message(
            "sweep "
                + spec.name()
                + ": cell "
                + s.cell()
                + " repeat "
                + s.repeat()
                + " finished after the sweep was stopped; recorded from "
                + relative);
        break;
      }
    }
  }

  /** The exit status {@code dawn train} gives a run that ended with {@code status}. */
  private static int exitStatus(String status) {
    return RunStatus.ofWord(status).map(RunStatus::exitCode).orElse(RunStatus.FAILED.exitCode());
  }

  /** The folder the sweep gave the run; in older sweep logs, the folders named after it. */
  private Set<Path> foldersOf(SweepRunStart s) throws IOException {
    if (s.runFolder() != null) {
      Path folder = sweepDir.resolve(s.runFolder());
      return RunFolder.isRun(folder) ? Set.of(folder) : Set.of();
    }
    return runFolders(s.runName());
  }

  /**
   * Run folders of one run name ({@code <timestamp>-<name>}, or {@code -2}, ... when a second
   * started that second), for sweep logs written before each run's folder was recorded.
   */
  private Set<Path> runFolders(String name) throws IOException {
    Path runs = sweepDir.resolve(RUNS_DIR);
    Set<Path> found = new HashSet<>();
    if (!Files.isDirectory(runs)) return found;
    Pattern own = Pattern.compile("\\d{8}-\\d{6}-" + Pattern.quote(name) + "(-\\d+)?");
    try (var s = Files.list(runs)) {
      s.filter(p -> own.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.exists(p.resolve(RunFolder.EVENTS)))
          .forEach(found::add);
    }
    return found;
  }

  private static List<Event> read(Path eventsFile) {
    return Files.exists(eventsFile) ? EventLogReader.read(eventsFile) : List.of();
  }

  private static String lastLine(Path log) {
    try {
      if (!Files.exists(log)) return "no output";
      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList();
      String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
      return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    } catch (IOException e) {
      return "log unreadable: " + e.getMessage();
    }
  }
}
