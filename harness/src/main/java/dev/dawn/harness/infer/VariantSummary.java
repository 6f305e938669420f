package dev.dawn.harness.infer;

import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.latency.ImageLatency;
import dev.dawn.reporters.latency.LatencyStats;
import dev.dawn.reporters.latency.MachineTailSummary;
import dev.dawn.workloads.inference.BatchPoint;
import dev.dawn.workloads.inference.MachineTailRun;
import dev.dawn.workloads.inference.bench.VariantMeasurement;
import java.util.ArrayList;
import java.util.List;

/**
 * A variant's raw timings (from workloads) summarised with {@link LatencyStats} (DAWNBench latency,
 * LoadGen percentiles) into its {@code inference_variant} event and its per-image latency rows.
 */
final class VariantSummary {
  private VariantSummary() {}

  static InferenceVariantResult event(VariantMeasurement m) {
    LatencyStats model = LatencyStats.of(m.pass().modelNanos());
    LatencyStats preprocess = LatencyStats.of(m.pass().preprocessNanos());
    LatencyStats endToEnd = LatencyStats.of(m.pass().endToEndNanos());
    MachineTailRun tail = m.machineTail();
    LatencyStats fixedWork = tail == null ? null : LatencyStats.of(tail.registerNanos());
    return new InferenceVariantResult(
        m.variant().label(),
        m.model(),
        m.resolution(),
        m.variant().precision().configName(),
        m.variant().pruneRatio(),
        model.items(),
        m.warmupImages(),
        model.dawnbenchLatencyMs(),
        model.meanMs(),
        model.minMs(),
        model.p50Ms(),
        model.p90Ms(),
        model.p95Ms(),
        model.p99Ms(),
        model.maxMs(),
        endToEnd.dawnbenchLatencyMs(),
        preprocess.meanMs(),
        model.throughputPerSecond(),
        m.top1Accuracy(),
        m.top5Accuracy(),
        m.params(),
        m.gflops(),
        m.batches().stream().map(VariantSummary::batch).toList(),
        m.pass().gcCollectionsTotal(),
        m.pass().itemsWithGc(),
        (double) m.pass().gcMillis(),
        (double) m.pass().jitMillisTotal(),
        m.pass().itemsWithJit(),
        fixedWork == null ? null : fixedWork.p50Ms(),
        fixedWork == null ? null : fixedWork.p99Ms(),
        tail == null
            ? null
            : MachineTailSummary.of(tail.modelNanos(), tail.memoryNanos(), tail.workingSetBytes()));
  }

  private static InferenceVariantResult.Batch batch(BatchPoint b) {
    LatencyStats perBatch = LatencyStats.of(b.nanos(), b.batchSize());
    return new InferenceVariantResult.Batch(
        b.batchSize(),
        perBatch.items(),
        perBatch.meanMs(),
        perBatch.p50Ms(),
        perBatch.p90Ms(),
        perBatch.p99Ms(),
        perBatch.maxMs(),
        perBatch.dawnbenchLatencyMs(),
        perBatch.throughputPerSecond());
  }

  /** One row per timed image for {@code latencies-<variant>.csv}. */
  static List<ImageLatency> perImage(VariantMeasurement m) {
    List<ImageLatency> rows = new ArrayList<>(m.images().size());
    for (int i = 0; i < m.images().size(); i++) {
      VariantMeasurement.Classified c = m.images().get(i);
      rows.add(
          new ImageLatency(
              c.imageId(),
              c.label(),
              c.predicted(),
              m.pass().modelNanos()[i] / 1e6,
              m.pass().preprocessNanos()[i] / 1e6,
              m.pass().gcCollections()[i],
              m.pass().jitMillis()[i]));
    }
    return rows;
  }
}
