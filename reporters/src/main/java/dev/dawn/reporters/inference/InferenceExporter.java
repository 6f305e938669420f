package dev.dawn.reporters.inference;

import dev.dawn.reporters.charts.BatchLatency;
import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.charts.LatencyCharts;
import dev.dawn.reporters.charts.SweepCharts;
import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.csv.CsvTableWriter;
import dev.dawn.reporters.dawnbench.InferenceResult;
import dev.dawn.reporters.dawnbench.SubmissionJsonWriter;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.run.DawnbenchEntry;
import dev.dawn.reporters.run.RunSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Derives an inference run's files from its events.jsonl: {@code inference-summary.csv} (a row per variant and
 * batch size), a DAWNBench inference JSON per variant, and the charts latency vs batch size and top-5 vs latency.
 */
public final class InferenceExporter {
  public static final String SUMMARY_CSV = "inference-summary.csv";
  /** Users script against these columns: keep them exactly. */
  public static final List<String> COLUMNS = List.of("model", "resolution", "precision", "pruneRatio", "batchSize",
      "images", "latencyMeanMs", "latencyP50Ms", "latencyP90Ms", "latencyP99Ms", "latencyMaxMs", "preprocessMeanMs",
      "throughputImgS", "top1Accuracy", "top5Accuracy", "params", "gflops");
  public static final String VARIANT_EVENT = "inference_variant";

  private InferenceExporter() {}

  public static List<Path> export(Path runDir) {
    List<Event> events = EventLogReader.read(runDir.resolve("events.jsonl"));
    List<Map<String, Object>> variants = new ArrayList<>();
    for (Event e : events) {
      if (VARIANT_EVENT.equals(e.key())) variants.add(asMap(e.value()));
    }
    DawnbenchEntry entry = DawnbenchEntry.valueIn(events).map(DawnbenchEntry::fromMap).orElse(null);
    // A run that is no entry (e.g. a --limit run) still gets its JSONs, marked so that validate and leaderboard refuse them.
    Map<String, Object> misc = entry == null ? Map.of() : RunSubmission.task(events).markMisc(entry.misc());
    List<Path> written = new ArrayList<>();
    written.add(write(runDir.resolve(SUMMARY_CSV), CsvTableWriter.write(summary(variants))));
    List<BatchLatency> batchPoints = new ArrayList<>();
    List<SweepCharts.VariantPoint> accuracyPoints = new ArrayList<>();
    for (Map<String, Object> v : variants) {
      String label = label(v);
      for (Map<String, Object> b : batches(v)) {
        // latencyMeanMs of a batch entry is the mean time of one call on the whole batch.
        batchPoints.add(new BatchLatency(label, ((Number) b.get("batchSize")).intValue(), num(b, "latencyMeanMs")));
      }
      accuracyPoints.add(new SweepCharts.VariantPoint(label, num(v, "latencyMs"), num(v, "top5Accuracy")));
      if (entry != null) {
        double accuracy = num(v, entry.metric());
        DawnbenchEntry named = new DawnbenchEntry(entry.dataset(), entry.fileBasename() + "_" + label, entry.author(),
            entry.authorEmail(), entry.framework(), entry.codeURL(), entry.model() + " " + label, entry.hardware(),
            entry.costPerHour(), entry.timestamp(), misc, entry.usedBlacklist(), entry.metric(), entry.threshold());
        written.add(write(runDir.resolve(named.fileBasename() + ".json"),
            SubmissionJsonWriter.inference(named, new InferenceResult(num(v, "latencyMs"), accuracy))));
      }
    }
    if (!variants.isEmpty()) {
      written.addAll(ChartEncoder.writeBoth(LatencyCharts.vsBatchSize("Latency vs batch size", batchPoints),
          runDir.resolve("latency-vs-batch-size")));
      written.addAll(ChartEncoder.writeBoth(SweepCharts.top5VsLatency("Top-5 vs batch-1 latency", accuracyPoints),
          runDir.resolve("top5-vs-latency")));
    }
    return written;
  }

  /** One row per variant and batch size; batch 1 is the full DAWNBench pass over every validation image. */
  public static CsvTable summary(List<Map<String, Object>> variants) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> v : variants) {
      rows.add(row(v, 1, v.get("images"), num(v, "latencyMeanMs"), num(v, "latencyP50Ms"), num(v, "latencyP90Ms"),
          num(v, "latencyP99Ms"), num(v, "latencyMaxMs"), num(v, "throughputImgS")));
      for (Map<String, Object> b : batches(v)) {
        int size = ((Number) b.get("batchSize")).intValue();
        if (size == 1) continue; // the full pass above is the batch-1 figure
        rows.add(row(v, size, b.get("images"), num(b, "latencyMeanMs"), num(b, "latencyP50Ms"), num(b, "latencyP90Ms"),
            num(b, "latencyP99Ms"), num(b, "latencyMaxMs"), num(b, "throughputImgS")));
      }
    }
    return new CsvTable(COLUMNS, rows);
  }

  private static List<Object> row(Map<String, Object> v, int batchSize, Object images, double mean, double p50, double p90,
      double p99, double max, double throughput) {
    return List.of(v.get("model"), v.get("resolution"), v.get("precision"), v.get("pruneRatio"), batchSize, images, mean,
        p50, p90, p99, max, v.get("preprocessMeanMs"), throughput, v.get("top1Accuracy"), v.get("top5Accuracy"),
        v.get("params"), v.get("gflops"));
  }

  /** The variant's label as the runner named it (also in latencies-<label>.csv), e.g. int8-prune0.25. */
  private static String label(Map<String, Object> v) {
    Object label = v.get("variant");
    return label != null ? label.toString() : v.get("precision") + "-prune" + v.get("pruneRatio");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> batches(Map<String, Object> v) {
    Object b = v.get("batches");
    return b instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map<?, ?>)) throw new IllegalArgumentException("expected an object event value, got " + value);
    return (Map<String, Object>) value;
  }

  private static double num(Map<String, Object> m, String key) {
    Object o = m.get(key);
    if (!(o instanceof Number n)) throw new IllegalArgumentException("inference event: '" + key + "' is not a number: " + o);
    return n.doubleValue();
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
