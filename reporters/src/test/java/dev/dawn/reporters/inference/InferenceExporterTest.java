package dev.dawn.reporters.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.UntypedEvents;
import dev.dawn.reporters.html.ComparisonReport;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inference run's files derived from its events alone: summary rows, DAWNBench JSON, report
 * section.
 */
class InferenceExporterTest {

  @Test
  void summaryJsonAndReportComeFromTheEvents(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("20261126-000000-infer-resnet9-32px");
    Files.createDirectories(run);
    try (EventLog log = EventLog.append(run.resolve(RunFolder.EVENTS), () -> 1L)) {
      UntypedEvents.intervalStart(log, MlLogKeys.RUN_START, Map.of("run_id", "x"));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dataset", "ImageNet");
      entry.put("fileBasename", "dawn_resnet9_cpu_tfjava");
      entry.put("author", "<script>alert(1)</script>");
      entry.put("authorEmail", "a@b");
      entry.put("framework", "TF Java");
      entry.put("model", "ResNet-9");
      entry.put("hardware", "CPU");
      entry.put("costPerHour", 3.6);
      entry.put("timestamp", "2026-11-26");
      entry.put("metric", "top5Accuracy");
      entry.put("threshold", 93.0);
      entry.put("misc", Map.of());
      UntypedEvents.pointInTime(log, MlLogKeys.DAWNBENCH_ENTRY, entry);
      UntypedEvents.pointInTime(
          log, MlLogKeys.INFERENCE_VARIANT, variant("int8-prune0", "int8", 0.0, 1.5));
      UntypedEvents.pointInTime(
          log, MlLogKeys.INFERENCE_VARIANT, variant("fp32-prune0.5", "fp32", 0.5, 2.0));
      UntypedEvents.intervalEnd(log, MlLogKeys.RUN_STOP, Map.of("status", "success"));
    }
    InferenceExporter.export(run);

    List<String> csv = Files.readAllLines(run.resolve(RunFolder.INFERENCE_SUMMARY));
    assertThat(csv.get(0)).isEqualTo(String.join(",", InferenceExporter.COLUMNS));
    assertThat(csv).hasSize(1 + 2 * 2);
    assertThat(csv.get(1))
        .startsWith("resnet9,32,int8,0.0,1,1000,1.5,1.4,1.9,2.5,3.0,0.2,666.0,80.0,95.0,1000,0.05");
    assertThat(csv.get(2)).startsWith("resnet9,32,int8,0.0,8,80,8.0,");
    // cost = costPerHour x latency / 3,600,000 = 3.6 * 1.5 / 3.6e6
    assertThat(Files.readString(run.resolve("dawn_resnet9_cpu_tfjava_int8-prune0.json")))
        .contains("\"latency\": 1.5", "\"cost\": 1.5e-06", "\"top5Accuracy\": 95.0");

    String html =
        ComparisonReport.render(
            List.of(), List.of(InferenceRunRecord.read(run)), dir.resolve("r.html"));
    assertThat(html)
        .contains(
            "<h2>Inference runs</h2>",
            "<td class=\"short\">int8-prune0</td>",
            "<td class=\"num\">1.500<small>")
        .doesNotContain("<script>");
  }

  @Test
  void aLimitedRunIsNoEntryAndItsJsonsSaySo(@TempDir Path dir) throws Exception {
    for (int evaluated : new int[] {1_000, 50_000}) {
      Path run = dir.resolve("infer-" + evaluated);
      Files.createDirectories(run);
      try (EventLog log = EventLog.append(run.resolve(RunFolder.EVENTS), () -> 1L)) {
        UntypedEvents.intervalStart(log, MlLogKeys.RUN_START, Map.of("run_id", "x"));
        Map<String, Object> entry =
            new LinkedHashMap<>(
                Map.of(
                    "dataset",
                    "ImageNet",
                    "fileBasename",
                    "dawn_r9",
                    "author",
                    "a",
                    "authorEmail",
                    "a@b",
                    "framework",
                    "TF Java",
                    "model",
                    "ResNet-9",
                    "hardware",
                    "CPU",
                    "timestamp",
                    "2026-11-26",
                    "metric",
                    "top5Accuracy",
                    "threshold",
                    93.0));
        entry.put("misc", Map.of());
        UntypedEvents.pointInTime(log, MlLogKeys.DAWNBENCH_ENTRY, entry);
        log.write(
            DawnbenchTask.judge(new DawnbenchTask.Facts("imagenet", 1000, 50_000, evaluated, null))
                .event());
        UntypedEvents.pointInTime(
            log, MlLogKeys.INFERENCE_VARIANT, variant("int8-prune0", "int8", 0.0, 1.5));
        UntypedEvents.intervalEnd(log, MlLogKeys.RUN_STOP, Map.of("status", "success"));
      }
      InferenceExporter.export(run);
      String json = Files.readString(run.resolve("dawn_r9_int8-prune0.json"));
      if (evaluated == 50_000) {
        assertThat(json).doesNotContain(DawnbenchTask.NOT_AN_ENTRY_MARK);
        assertThat(RunSubmission.inference(run)).hasSize(1);
      } else {
        assertThat(json)
            .contains(
                "\"notDawnbenchEntry\": \"it evaluated 1,000 of the 50,000 ImageNet validation images");
        assertThatThrownBy(() -> RunSubmission.inference(run))
            .isInstanceOf(RunSubmission.NotAnEntryException.class)
            .hasMessageContaining("not a DAWNBench entry: it evaluated 1,000 of the 50,000");
      }
    }
  }

  private static Map<String, Object> variant(
      String label, String precision, double prune, double latency) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("variant", label);
    v.put("model", "resnet9");
    v.put("resolution", 32);
    v.put("precision", precision);
    v.put("pruneRatio", prune);
    v.put("images", 1000);
    v.put("latencyMs", latency);
    v.put("latencyMeanMs", latency);
    v.put("latencyP50Ms", 1.4);
    v.put("latencyP90Ms", 1.9);
    v.put("latencyP99Ms", 2.5);
    v.put("latencyMaxMs", 3.0);
    v.put("latencyWithPreprocessMs", latency + 0.2);
    v.put("preprocessMeanMs", 0.2);
    v.put("throughputImgS", 666.0);
    v.put("top1Accuracy", 80.0);
    v.put("top5Accuracy", 95.0);
    v.put("params", 1000);
    v.put("gflops", 0.05);
    v.put(
        "batches",
        List.of(
            Map.of(
                "batchSize",
                8,
                "images",
                80,
                "latencyMeanMs",
                8.0,
                "latencyP50Ms",
                7.9,
                "latencyP90Ms",
                8.5,
                "latencyP99Ms",
                9.0,
                "latencyMaxMs",
                9.0,
                "perImageMs",
                1.0,
                "throughputImgS",
                1000.0)));
    return v;
  }
}
