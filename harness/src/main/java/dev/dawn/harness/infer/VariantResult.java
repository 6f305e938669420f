package dev.dawn.harness.infer;

import dev.dawn.reporters.latency.ImageLatency;
import dev.dawn.reporters.latency.LatencyStats;
import dev.dawn.workloads.inference.BatchPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one variant measured: batch-1 latency over every validation image, accuracy of that pass, size, batches. */
public record VariantResult(
    InferenceVariant variant,
    String model,
    int resolution,
    int warmupImages,
    LatencyStats modelLatency,
    LatencyStats preprocessLatency,
    LatencyStats endToEndLatency,
    double top1Accuracy,
    double top5Accuracy,
    long params,
    double gflops,
    List<BatchPoint> batches,
    List<ImageLatency> perImage) {

  private static Map<String, Object> batchValue(BatchPoint b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("batchSize", b.batchSize());
    m.put("images", b.perBatch().items());
    m.put("latencyMeanMs", b.perBatch().meanMs());
    m.put("latencyP50Ms", b.perBatch().p50Ms());
    m.put("latencyP90Ms", b.perBatch().p90Ms());
    m.put("latencyP99Ms", b.perBatch().p99Ms());
    m.put("latencyMaxMs", b.perBatch().maxMs());
    m.put("perImageMs", b.perItemMs());
    m.put("throughputImgS", b.throughputPerSecond());
    return m;
  }

  /** The {@code inference_variant} event's value: the summary row plus the batch sweep. */
  public Map<String, Object> eventValue() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("variant", variant.label());
    v.put("model", model);
    v.put("resolution", resolution);
    v.put("precision", variant.precision());
    v.put("pruneRatio", variant.pruneRatio());
    v.put("images", modelLatency.items());
    v.put("warmupImages", warmupImages);
    v.put("latencyMs", modelLatency.dawnbenchLatencyMs());
    v.put("latencyMeanMs", modelLatency.meanMs());
    v.put("latencyMinMs", modelLatency.minMs());
    v.put("latencyP50Ms", modelLatency.p50Ms());
    v.put("latencyP90Ms", modelLatency.p90Ms());
    v.put("latencyP95Ms", modelLatency.p95Ms());
    v.put("latencyP99Ms", modelLatency.p99Ms());
    v.put("latencyMaxMs", modelLatency.maxMs());
    v.put("latencyWithPreprocessMs", endToEndLatency.dawnbenchLatencyMs());
    v.put("preprocessMeanMs", preprocessLatency.meanMs());
    v.put("throughputImgS", modelLatency.throughputPerSecond());
    v.put("top1Accuracy", top1Accuracy);
    v.put("top5Accuracy", top5Accuracy);
    v.put("params", params);
    v.put("gflops", gflops);
    v.put("batches", batches.stream().map(VariantResult::batchValue).toList());
    return v;
  }
}
