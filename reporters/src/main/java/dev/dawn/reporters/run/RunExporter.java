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
import java.util.List;

/**
 * Rebuilds every report of a run directory from {@code events.jsonl} alone: the DAWNBench TSV and
 * JSON ({@code <fileBasename>.tsv/.json}), {@code metrics.csv} and {@code accuracy.png}. Safe to
 * run after a kill -9 (only finished, evaluated epochs appear) and as often as wanted (files are
 * replaced atomically).
 */
public final class RunExporter {
  public static final String EVENTS_FILE = "events.jsonl";
  public static final String METRICS_CSV = "metrics.csv";
  public static final String ACCURACY_PNG = "accuracy.png";

  private RunExporter() {}

  /** Writes the reports and returns their paths in the order TSV, JSON, CSV, PNG. */
  public static List<Path> export(Path runDir) {
    Path events = runDir.resolve(EVENTS_FILE);
    if (!Files.isRegularFile(events)) {
      throw new IllegalArgumentException("no " + EVENTS_FILE + " in run directory " + runDir);
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
    Path csv = runDir.resolve(METRICS_CSV);
    Path png = runDir.resolve(ACCURACY_PNG);

    writeText(
        tsv,
        TrainingTsvWriter.write(
            entry.dataset(),
            run.evaluations().stream()
                .map(
                    e ->
                        new TrainingTsvWriter.Row(
                            e.epochNumber(), e.hours(), e.top1Accuracy(), e.top5Accuracy()))
                .toList()));
    // A run that is no entry still gets its files, marked so that validate and leaderboard refuse
    // them.
    writeText(json, SubmissionJsonWriter.training(entry.withMisc(task.markMisc(entry.misc()))));
    writeText(csv, MetricsCsvWriter.write(run.epochs()));
    String title =
        entry.model()
            + " on "
            + entry.dataset()
            + " (run "
            + run.runId()
            + ", "
            + run.status()
            + ")";
    String target = "target " + entry.metric() + " " + entry.threshold() + "%";
    writeBytes(png, AccuracyChart.png(title, run.evaluations(), entry.threshold(), target));
    return List.of(tsv, json, csv, png);
  }

  private static void writeText(Path file, String text) {
    writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
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
