package dev.dawn.reporters.sweep;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.SweepRunStart;
import dev.dawn.reporters.events.SweepRunStop;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The finished runs of a sweep folder, in the order they ran. */
public final class SweepResults {
  /** The sweep's own append-only log, beside {@code spec.yaml} in the sweep folder. */
  public static final String EVENTS_FILE = "sweep-events.jsonl";

  private SweepResults() {}

  public static List<SweepRun> read(Path sweepDir) {
    Path log = sweepDir.resolve(EVENTS_FILE);
    List<Event> events = Files.exists(log) ? EventLogReader.read(log) : List.of();
    Map<List<Integer>, SweepRunStart> started = new HashMap<>();
    for (SweepRunStart s : SweepRunStart.KIND.in(events)) {
      started.put(List.of(s.cell(), s.repeat()), s);
    }
    List<SweepRun> runs = new ArrayList<>();
    for (SweepRunStop stop : SweepRunStop.KIND.in(events)) {
      SweepRunStart start = started.get(List.of(stop.cell(), stop.repeat()));
      if (start == null) {
        throw new IllegalArgumentException(
            log
                + ": sweep_run_stop of cell "
                + stop.cell()
                + " repeat "
                + stop.repeat()
                + " has no sweep_run_start");
      }
      runs.add(run(sweepDir, start, stop));
    }
    return List.copyOf(runs);
  }

  private static SweepRun run(Path sweepDir, SweepRunStart start, SweepRunStop stop) {
    Path events =
        stop.runFolder() == null
            ? null
            : sweepDir.resolve(stop.runFolder()).resolve(RunFolder.EVENTS);
    if (events == null || !Files.exists(events)) {
      return new SweepRun(
          start.cell(),
          start.repeat(),
          start.seed(),
          start.values(),
          RunStatus.FAILED.word(),
          stop.exitCode(),
          null,
          null,
          0,
          null,
          null,
          null,
          null,
          stop.runFolder(),
          stop.detail());
    }
    RunRecord record;
    try {
      record = RunRecord.fromEvents(EventLogReader.read(events));
    } catch (RuntimeException e) {
      // A run that failed before writing its DAWNBench fields (or a damaged log) is still a failed
      // run.
      return new SweepRun(
          start.cell(),
          start.repeat(),
          start.seed(),
          start.values(),
          RunStatus.FAILED.word(),
          stop.exitCode(),
          null,
          null,
          0,
          null,
          null,
          null,
          null,
          stop.runFolder(),
          "run log unusable: " + e.getMessage());
    }
    // One reading of the run (RunRecord): the same figures as the report, dawn compare and the TSV.
    var target = record.targetEvaluation();
    return new SweepRun(
        start.cell(),
        start.repeat(),
        start.seed(),
        start.values(),
        record.status(),
        stop.exitCode(),
        // logged in whole milliseconds: seconds rounded back to them
        target.map(e -> Math.round(e.hours() * 3.6e6) / 1000.0).orElse(null),
        target.map(EvaluationPoint::epoch).orElse(null),
        record.epochs().size(),
        boxed(record.imagesPerSecond()),
        boxed(record.bestAccuracy()),
        boxed(record.computeMsPerStep()),
        boxed(record.exposedCommMsPerStep()),
        stop.runFolder(),
        stop.detail());
  }

  private static Double boxed(java.util.OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }
}
