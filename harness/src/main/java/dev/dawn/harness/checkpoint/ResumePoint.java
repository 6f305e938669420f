package dev.dawn.harness.checkpoint;

import dev.dawn.reporters.events.CheckpointSaved;
import dev.dawn.reporters.events.ContinuousLog;
import dev.dawn.reporters.events.EpochStart;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunResume;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Where {@code dawn train --resume RUN} continues: the newest checkpoint of {@code RUN/checkpoints}
 * whose files are whole (each file's size and SHA-256 as written; one that is not is skipped for
 * the previous one, with a warning naming it), and how much of this process's event log stands. The
 * lines that stand end with that checkpoint's {@code checkpoint_saved} line (or, when the process
 * was killed before writing it, with the lines the checkpoint counted); the lines after them were
 * written by the stopped process after the checkpoint and are superseded ({@link RunResume}).
 *
 * @param checkpoint the checkpoint folder
 * @param state its training state
 * @param keepLines lines of this process's event log that stand
 * @param logLines lines the log holds now
 * @param redoneEpochs epochs begun after the checkpoint, trained again
 */
public record ResumePoint(
    Path checkpoint, TrainingState state, int keepLines, int logLines, List<Integer> redoneEpochs) {

  public ResumePoint {
    redoneEpochs = List.copyOf(redoneEpochs);
  }

  /**
   * @param runDir the run folder (the chief's), which holds {@code checkpoints/}
   * @param events this process's event log (the chief's is in {@code runDir})
   * @param chief whether this process is the chief: only it sets an unusable checkpoint aside
   * @throws ResumeRefusedException when the run has no usable checkpoint or already ended
   */
  public static ResumePoint find(Path runDir, Path events, boolean chief, Consumer<String> warn)
      throws IOException {
    if (!Files.isRegularFile(events)) {
      throw new ResumeRefusedException(
          "--resume " + runDir + ": " + events + " is missing; it is not a run dawn can resume");
    }
    List<Event> lines = EventLogReader.readLines(events);
    ended(ContinuousLog.of(lines))
        .ifPresent(
            status -> {
              throw new ResumeRefusedException(
                  "--resume "
                      + runDir
                      + ": the run already ended with status "
                      + status
                      + "; only a stopped run (killed, interrupted, failed) continues");
            });
    RunCheckpoints checkpoints = new RunCheckpoints(runDir.resolve(RunFolder.CHECKPOINTS));
    for (Path candidate : checkpoints.newestFirst()) {
      Optional<String> problem;
      TrainingState state = null;
      try {
        state = TrainingState.read(candidate);
        problem = problem(candidate, state);
      } catch (IOException e) {
        problem = Optional.of(e.getMessage());
      }
      if (problem.isPresent()) {
        String where = chief ? " (set aside as " + RunCheckpoints.UNUSABLE_SUFFIX + ")" : "";
        warn.accept(
            "warning: checkpoint "
                + candidate
                + " skipped"
                + where
                + ": "
                + problem.get()
                + "; trying the previous one");
        if (chief) checkpoints.setAside(candidate);
        continue;
      }
      return at(candidate, state, lines, chief, warn);
    }
    throw new ResumeRefusedException(
        "--resume "
            + runDir
            + ": no complete checkpoint in "
            + checkpoints.dir()
            + " to resume from (a run writes one every train.checkpointEveryEpochs epochs)");
  }

  /** Why the checkpoint folder is not what was written; empty when it is. */
  private static Optional<String> problem(Path checkpoint, TrainingState state) {
    if (!ModelCheckpoint.isCheckpoint(checkpoint)) {
      return Optional.of("its bundle or " + ModelCheckpoint.MODEL + " is missing");
    }
    for (Map.Entry<String, FileDigest> f : state.files().entrySet()) {
      Optional<String> mismatch = f.getValue().mismatch(checkpoint.resolve(f.getKey()));
      if (mismatch.isPresent()) return mismatch;
    }
    return Optional.empty();
  }

  private static ResumePoint at(
      Path checkpoint,
      TrainingState state,
      List<Event> lines,
      boolean chief,
      Consumer<String> warn) {
    String name = RunCheckpoints.relative(checkpoint);
    int keep = -1;
    for (int i = lines.size() - 1; i >= 0 && keep < 0; i--) {
      Event e = lines.get(i);
      if (CheckpointSaved.KIND.matches(e) && name.equals(CheckpointSaved.KIND.decode(e).folder())) {
        keep = i + 1;
      }
    }
    if (keep < 0) {
      // killed between writing the checkpoint and logging it
      keep = chief ? Math.min(state.logLines(), lines.size()) : lines.size();
      if (!chief) {
        warn.accept(
            "warning: this worker's log does not name " + name + "; all its lines are kept");
      }
    }
    TreeSet<Integer> redone = new TreeSet<>();
    for (Event e : lines.subList(keep, lines.size())) {
      if (EpochStart.KIND.matches(e)) redone.add(EpochStart.KIND.decode(e).epoch());
    }
    return new ResumePoint(checkpoint, state, keep, lines.size(), new ArrayList<>(redone));
  }

  /** The status of a run that ended for good (not stopped), if it did. */
  private static Optional<String> ended(List<Event> run) {
    List<RunStop> stops = RunStop.KIND.in(run);
    if (stops.isEmpty()) return Optional.empty();
    String status = stops.get(stops.size() - 1).status();
    boolean stopped =
        RunStatus.ofWord(status)
            .map(s -> s == RunStatus.KILLED || s == RunStatus.INTERRUPTED || s == RunStatus.FAILED)
            .orElse(false);
    return stopped ? Optional.empty() : Optional.of(status);
  }

  /** The {@code run_resume} event of this resume. */
  public RunResume event() {
    TrainingPosition p = state.position();
    return new RunResume(
        RunCheckpoints.relative(checkpoint),
        keepLines,
        p.globalStep(),
        p.nextEpoch(),
        p.epochPosition(),
        state.trainTimeMs(),
        redoneEpochs,
        logLines - keepLines);
  }
}
