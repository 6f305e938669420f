package dev.dawn.reporters.inference;

import dev.dawn.reporters.charts.BatchLatency;
import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.charts.LatencyCharts;
import dev.dawn.reporters.charts.SweepCharts;
import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.csv.CsvTableWriter;
import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.dawnbench.InferenceResult;
import dev.dawn.reporters.dawnbench.SubmissionJsonWriter;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.InferenceSettings;
import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives an inference run's files from its events.jsonl: {@code inference-summary.csv} (a row per
 * variant and batch size), a DAWNBench inference JSON per variant, and the charts latency vs batch
 * size and top-5 vs latency.
 */
public final class InferenceExporter {

  /** Users script against these columns: keep them exactly. */
  public static final List<String> COLUMNS =
      List.of(
          "model",
          "resolution",
          "precision",
          "pruneRatio",
          "batchSize",
          "images",
          "latencyMeanMs",
          "latencyP50Ms",
          "latencyP90Ms",
          "latencyP99Ms",
          "latencyMaxMs",
          "preprocessMeanMs",
          "throughputImgS",
          "top1Accuracy",
          "top5Accuracy",
          "params",
          "gflops",
          "top1ChangeVsFp32",
          "top5ChangeVsFp32",
          "accuracyMark");

  private InferenceExporter() {}

  public static List<Path> export(Path runDir) {
    List<Event> events = EventLogReader.read(runDir.resolve(RunFolder.EVENTS));
    List<InferenceVariantResult> variants = InferenceVariantResult.KIND.in(events);
    AccuracyTarget target = InferenceRunRecord.targetOf(events);
    double budget =
        InferenceSettings.KIND.in(events).stream()
            .reduce((a, b) -> b)
            .map(InferenceSettings::top1BudgetPoints)
            .filter(java.util.Objects::nonNull)
            .orElse(AccuracyMark.DEFAULT_TOP1_BUDGET_POINTS);
    Map<String, AccuracyMark> marks =
        target == null ? Map.of() : AccuracyMarks.of(variants, target, budget);
    DawnbenchEntry entry = DawnbenchEntry.valueIn(events).map(DawnbenchEntry::fromMap).orElse(null);
    // A run that is no entry (e.g. a --limit run) still gets its JSONs, marked so that validate and
    // leaderboard refuse them.
    Map<String, Object> misc =
        entry == null ? Map.of() : RunSubmission.task(events).markMisc(entry.misc());
    List<Path> written = new ArrayList<>();
    written.add(
        write(
            runDir.resolve(RunFolder.INFERENCE_SUMMARY),
            CsvTableWriter.write(summary(variants, marks))));
    List<BatchLatency> batchPoints = new ArrayList<>();
    List<SweepCharts.VariantPoint> accuracyPoints = new ArrayList<>();
    for (InferenceVariantResult v : variants) {
      String label = v.variant();
      for (InferenceVariantResult.Batch b : v.batches()) {
        // latencyMeanMs of a batch entry is the mean time of one call on the whole batch.
        batchPoints.add(new BatchLatency(label, b.batchSize(), b.latencyMeanMs()));
      }
      accuracyPoints.add(new SweepCharts.VariantPoint(label, v.latencyMs(), v.top5Accuracy()));
      if (entry != null) {
        double accuracy = v.accuracy(entry.metric());
        DawnbenchEntry named =
            new DawnbenchEntry(
                entry.dataset(),
                entry.fileBasename() + "_" + label,
                entry.author(),
                entry.authorEmail(),
                entry.framework(),
                entry.codeURL(),
                entry.model() + " " + label,
                entry.hardware(),
                entry.costPerHour(),
                entry.timestamp(),
                variantMisc(misc, marks.get(label)),
                entry.usedBlacklist(),
                entry.metric(),
                entry.threshold());
        written.add(
            write(
                runDir.resolve(named.fileBasename() + ".json"),
                SubmissionJsonWriter.inference(
                    named, new InferenceResult(v.latencyMs(), accuracy))));
      }
    }
    if (!variants.isEmpty()) {
      written.addAll(
          ChartEncoder.writeBoth(
              LatencyCharts.vsBatchSize("Latency vs batch size", batchPoints),
              runDir.resolve("latency-vs-batch-size")));
      written.addAll(
          ChartEncoder.writeBoth(
              SweepCharts.top5VsLatency("Top-5 vs batch-1 latency", accuracyPoints),
              runDir.resolve("top5-vs-latency")));
    }
    return written;
  }

  /**
   * One row per variant and batch size; batch 1 is the full DAWNBench pass over every validation
   * image.
   */
  public static CsvTable summary(
      List<InferenceVariantResult> variants, Map<String, AccuracyMark> marks) {
    List<List<Object>> rows = new ArrayList<>();
    for (InferenceVariantResult v : variants) {
      AccuracyMark mark = marks.get(v.variant());
      rows.add(
          row(
              v,
              mark,
              1,
              v.images(),
              v.latencyMeanMs(),
              v.latencyP50Ms(),
              v.latencyP90Ms(),
              v.latencyP99Ms(),
              v.latencyMaxMs(),
              v.throughputImgS()));
      for (InferenceVariantResult.Batch b : v.batches()) {
        if (b.batchSize() == 1) continue; // the full pass above is the batch-1 figure
        rows.add(
            row(
                v,
                mark,
                b.batchSize(),
                b.images(),
                b.latencyMeanMs(),
                b.latencyP50Ms(),
                b.latencyP90Ms(),
                b.latencyP99Ms(),
                b.latencyMaxMs(),
                b.throughputImgS()));
      }
    }
    return new CsvTable(COLUMNS, rows);
  }

  private static List<Object> row(
      InferenceVariantResult v,
      AccuracyMark mark,
      int batchSize,
      long images,
      double mean,
      double p50,
      double p90,
      double p99,
      double max,
      double throughput) {
    return List.of(
        v.model(),
        v.resolution(),
        v.precision(),
        v.pruneRatio(),
        batchSize,
        images,
        mean,
        p50,
        p90,
        p99,
        max,
        v.preprocessMeanMs(),
        throughput,
        v.top1Accuracy(),
        v.top5Accuracy(),
        v.params(),
        v.gflops(),
        mark == null || Double.isNaN(mark.top1Change()) ? "" : mark.top1Change(),
        mark == null || Double.isNaN(mark.top5Change()) ? "" : mark.top5Change(),
        mark == null ? "" : String.join("; ", mark.words()));
  }

  /**
   * The variant's JSON misc: its accuracy against fp32 and, under the task's target, the mark that
   * it is no DAWNBench inference result (validate and leaderboard refuse it).
   */
  private static Map<String, Object> variantMisc(Map<String, Object> misc, AccuracyMark mark) {
    Map<String, Object> out = new LinkedHashMap<>(misc);
    if (mark == null) {
      return out;
    }
    if (!Double.isNaN(mark.top1Change())) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("top1Points", mark.top1Change());
      change.put("top5Points", mark.top5Change());
      out.put("accuracyVsFp32", change);
    }
    if (mark.marked()) {
      out.put("accuracyMark", String.join("; ", mark.words()));
    }
    if (mark.underTarget() && !out.containsKey(DawnbenchTask.NOT_AN_ENTRY_MARK)) {
      out.put(
          DawnbenchTask.NOT_AN_ENTRY_MARK,
          "the variant's "
              + mark.target().metricName()
              + " is under the task's "
              + mark.target().thresholdPercent()
              + " target");
    }
    return out;
  }

  private static Path write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
