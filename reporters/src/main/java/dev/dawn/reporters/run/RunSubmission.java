package dev.dawn.reporters.run;

import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionReader;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.events.DawnbenchTaskFacts;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.record.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run folder's DAWNBench files as {@link Submission}s: the training JSON and TSV ({@code
 * <fileBasename>.json/.tsv}) of a dawn train run, or one inference JSON per variant of a dawn infer
 * run. Only a run that is a DAWNBench entry ({@link DawnbenchTask}, from its event log) gives
 * submissions; any other throws {@link NotAnEntryException}, which still carries its files so that
 * they can be shown apart from the entries.
 */
public final class RunSubmission {
  private RunSubmission() {}

  /**
   * A run whose files exist but which is not a DAWNBench entry; the message is one line with the
   * reason.
   */
  public static final class NotAnEntryException extends IllegalArgumentException {
    private final transient List<Submission> submissions;
    private final transient DawnbenchTask task;

    NotAnEntryException(Path runDir, DawnbenchTask task, List<Submission> submissions) {
      super(runDir + ": " + task.describe());
      this.task = task;
      this.submissions = List.copyOf(submissions);
    }

    /** The run's files, read with the data set format they were written in. */
    public List<Submission> submissions() {
      return submissions;
    }

    public DawnbenchTask task() {
      return task;
    }
  }

  /** The training submission of an entry; throws {@link NotAnEntryException} for any other run. */
  public static Submission training(Path runDir) {
    List<Event> events = events(runDir);
    RunRecord run;
    try {
      run = RunRecord.fromEvents(events);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          runDir.resolve(RunFolder.EVENTS) + ": " + e.getMessage(), e);
    }
    DawnbenchEntry entry = run.entry();
    Path json = runDir.resolve(entry.fileBasename() + ".json");
    Path tsv = runDir.resolve(entry.fileBasename() + ".tsv");
    for (Path f : new Path[] {json, tsv}) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException(
            runDir
                + ": missing "
                + f.getFileName()
                + "; rebuild the run's DAWNBench files with 'dawn export "
                + runDir
                + "'");
      }
    }
    Submission s = SubmissionReader.read(json, entry.dataset(), Task.TRAIN);
    return checked(runDir, task(events), List.of(s)).get(0);
  }

  /**
   * The inference submissions (one JSON per variant, sorted) of an entry; {@link
   * NotAnEntryException} otherwise.
   */
  public static List<Submission> inference(Path runDir) {
    List<Event> events = events(runDir);
    DawnbenchEntry entry =
        DawnbenchEntry.valueIn(events)
            .map(DawnbenchEntry::fromMap)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        runDir
                            + ": inference of an untrained model has no DAWNBench entry to rank"));
    List<Submission> all;
    try (var files = Files.list(runDir)) {
      all =
          files
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .filter(f -> !f.getFileName().toString().equals("environment.json"))
              .sorted()
              .map(f -> SubmissionReader.read(f, entry.dataset(), Task.INFERENCE))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runDir, e);
    }
    return checked(runDir, task(events), all);
  }

  /**
   * The run's verdict from its log: the last {@value DawnbenchTask#EVENT} event judged with today's
   * rule, with the weights of an {@code init_weights} event (written when a run restored trained
   * weights) as a fact; a log without the event is not an entry.
   */
  public static DawnbenchTask task(List<Event> events) {
    DawnbenchTask task = null;
    String initWeights = null;
    for (Event e : events) {
      if (DawnbenchTaskFacts.KIND.matches(e)) {
        task = DawnbenchTask.fromEvent(DawnbenchTaskFacts.KIND.decode(e));
      } else if (MlLogKeys.INIT_WEIGHTS.equals(e.key()) && e.value() != null) {
        initWeights = e.value().toString();
      }
    }
    if (task == null) {
      return DawnbenchTask.unknown();
    }
    if (initWeights != null && task.facts().initWeights() == null) {
      var f = task.facts();
      return DawnbenchTask.judge(
          new DawnbenchTask.Facts(
              f.dataKind(),
              f.classes(),
              f.validationImages(),
              f.evaluatedImages(),
              initWeights,
              f.usedBlacklist()));
    }
    return task;
  }

  private static List<Submission> checked(
      Path runDir, DawnbenchTask task, List<Submission> submissions) {
    if (!task.isEntry()) {
      throw new NotAnEntryException(runDir, task, submissions);
    }
    for (Submission s : submissions) {
      if (s.dataset() != task.dataset()) {
        throw new IllegalArgumentException(
            runDir
                + ": the run's data make it a "
                + task.dataset()
                + " entry but its dawnbench_entry event says "
                + s.dataset());
      }
    }
    return submissions;
  }

  private static List<Event> events(Path runDir) {
    Path events = runDir.resolve(RunFolder.EVENTS);
    if (!Files.isRegularFile(events)) {
      throw new IllegalArgumentException(
          runDir + ": not a run folder (no " + RunFolder.EVENTS + " inside)");
    }
    try {
      return EventLogReader.read(events);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(events + ": " + e.getMessage(), e);
    }
  }
}
