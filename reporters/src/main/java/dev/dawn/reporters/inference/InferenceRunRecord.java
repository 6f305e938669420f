package dev.dawn.reporters.inference;

import dev.dawn.reporters.csv.LatencyCsv;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.latency.ImageLatency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dawn infer run folder as read back: one entry per variant from the {@code inference_variant}
 * events, with the per-image batch-1 samples of {@code latencies-<variant>.csv} when present.
 */
public record InferenceRunRecord(
    String id,
    Path dir,
    List<InferenceVariantResult> variants,
    Map<String, List<ImageLatency>> perImage) {

  public static boolean isInferenceRun(Path dir) {
    return Files.isRegularFile(dir.resolve(InferenceExporter.SUMMARY_CSV));
  }

  public static InferenceRunRecord read(Path dir) {
    List<InferenceVariantResult> variants =
        InferenceVariantResult.KIND.in(EventLogReader.read(dir.resolve("events.jsonl")));
    Map<String, List<ImageLatency>> perImage = new LinkedHashMap<>();
    for (InferenceVariantResult v : variants) {
      String label = v.variant();
      Path csv = dir.resolve(LatencyCsv.fileName(label));
      if (Files.isRegularFile(csv)) perImage.put(label, LatencyCsv.read(csv));
    }
    return new InferenceRunRecord(dir.getFileName().toString(), dir, variants, perImage);
  }
}
