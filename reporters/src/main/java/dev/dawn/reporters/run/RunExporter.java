package dev.dawn.reporters.run;

import dev.dawn.reporters.charts.AccuracyChart;
import dev.dawn.reporters.csv.MetricsCsvWriter;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.dawnbench.SubmissionJsonWriter;
import dev.dawn.reporters.dawnbench.TrainingTsvWriter;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.files.AtomicFile;
import dev.dawn.reporters.record.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rebuilds every report of a run directory from {@code events.jsonl} alone: the DAWNBench TSV and
 * JSON ({@code <fileBasename>.tsv/.json}), {@code metrics.csv} and {@code accuracy.png}. Safe to
 * run after a kill -9 (only finished, evaluated epochs appear) and as often as wanted (files are
 * replaced atomically).
 */
public final class RunExporter {
  public static final String ACCURACY_PNG = "accuracy.png";

  private RunExporter() {}

  /**
   * Writes the reports and returns their paths in the order TSV, JSON, CSV, PNG. Each is written
   * even when another cannot be (a full disk, a folder in the way): a run that trained keeps every
   * file that can be written, and the first failure is thrown afterwards, naming the files left
   * out, with the others suppressed in it.
   */
  public static List<Path> export(Path runDir) {
    Path events = runDir.resolve(RunFolder.EVENTS);
    if (!Files.isRegularFile(events)) {
      throw new IllegalArgumentException("no " + RunFolder.EVENTS + " in run directory " + runDir);
    }
    RunRecord run;
    DawnbenchTask task;
    try {
      List<Event> log = EventLogReader.read(events);
      run = RunRecord.fromEvents(log);
      task = RunSubmission.task(log);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(events + ": " + e.getMessage(), e);
    }
    DawnbenchEntry entry = run.entry();
    Path tsv = runDir.resolve(entry.fileBasename() + ".tsv");
    Path json = runDir.resolve(entry.fileBasename() + ".json");
    Path csv = runDir.resolve(RunFolder.METRICS_CSV);
    Path png = runDir.resolve(ACCURACY_PNG);

    List<Path> missed = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    Map<Path, Supplier<byte[]>> files = new LinkedHashMap<>();
    files.put(
        tsv,
        () ->
            utf8(
                TrainingTsvWriter.write(
                    entry.dataset(),
                    run.evaluations().stream()
                        .map(
                            e ->
                                new TrainingTsvWriter.Row(
                                    e.epochNumber(), e.hours(), e.top1Accuracy(), e.top5Accuracy()))
                        .toList())));
    // A run that is no entry still gets its files, marked so that validate and leaderboard refuse
    // them.
    files.put(
        json, () -> utf8(SubmissionJsonWriter.training(entry.withMisc(misc(run, task, entry)))));
    files.put(csv, () -> utf8(MetricsCsvWriter.write(run.epochs())));
    files.put(
        png,
        () -> {
          String title =
              entry.model()
                  + " on "
                  + entry.dataset()
                  + " (run "
                  + run.runId()
                  + ", "
                  + run.status()
                  + (run.resumed() ? ", resumed" : "")
                  + ")";
          String target = "target " + entry.metric() + " " + entry.threshold() + "%";
          Map<String, Double> resumes = new LinkedHashMap<>();
          run.resumes()
              .forEach(r -> resumes.put("resumed from " + r.folder(), r.trainTimeMs() / 3.6e6));
          return AccuracyChart.png(title, run.evaluations(), entry.threshold(), target, resumes);
        });
    files.forEach(
        (file, bytes) -> {
          try {
            writeBytes(file, bytes.get());
          } catch (RuntimeException e) {
            missed.add(file.getFileName());
            failures.add(e);
          }
        });
    if (!failures.isEmpty()) {
      RuntimeException first =
          new UncheckedIOException(
              "could not write "
                  + String.join(", ", missed.stream().map(Path::toString).toList())
                  + " (the run's other files are written, and its events.jsonl holds everything:"
                  + " 'dawn export "
                  + runDir
                  + "' writes them again)",
              failures.get(0).getCause() instanceof IOException io
                  ? io
                  : new IOException(failures.get(0).getMessage(), failures.get(0)));
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
    return List.of(tsv, json, csv, png);
  }

  /**
   * The JSON's misc: the entry's, marked when the run is no DAWNBench entry ({@link
   * DawnbenchTask#markMisc}) and, for a resumed run, {@value #RESUMED_MISC} saying from which
   * checkpoints it continued.
   */
  static Map<String, Object> misc(RunRecord run, DawnbenchTask task, DawnbenchEntry entry) {
    Map<String, Object> misc = new LinkedHashMap<>(task.markMisc(entry.misc()));
    if (run.resumed()) misc.put(RESUMED_MISC, run.resumeNote());
    return misc;
  }

  /** The misc key of a resumed run's JSON. */
  public static final String RESUMED_MISC = "resumed";

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Write-then-rename so a reader (or a kill during export) never sees half a report. */
  private static void writeBytes(Path file, byte[] bytes) {
    try {
      AtomicFile.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
