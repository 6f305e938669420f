package dev.dawn.workloads.inference.bench;

import dev.dawn.workloads.inference.BatchPoint;
import dev.dawn.workloads.inference.LatencyRun;
import dev.dawn.workloads.inference.MachineTailRun;
import java.util.List;

/**
 * What one variant measured, as raw timings: the batch-1 pass over every validation image (with
 * each image's prediction, so accuracy comes from the timed pass), the net's size and the
 * batch-size sweep. The harness turns it into latency statistics and the {@code inference_variant}
 * event.
 *
 * @param resolution input side in pixels
 * @param warmupImages untimed images before the pass
 * @param pass per-image model, preprocessing and end-to-end nanoseconds, in {@code images} order
 * @param machineTail images again, each followed by fixed work on the model's threads (the
 *     machine's own tail at the moments the model ran); null when not measured
 * @param images the validation images in pass order, with their top-1 prediction
 * @param top1Accuracy percent
 * @param top5Accuracy percent
 * @param params weights of the measured (possibly pruned) net
 * @param gflops forward-pass GFLOPs at {@code resolution}
 * @param batches per-batch timings of the sweep
 */
public record VariantMeasurement(
    InferenceVariant variant,
    String model,
    int resolution,
    int warmupImages,
    LatencyRun pass,
    MachineTailRun machineTail,
    List<Classified> images,
    double top1Accuracy,
    double top5Accuracy,
    long params,
    double gflops,
    List<BatchPoint> batches) {

  /** One validation image of the timed pass: its id, true class and top-1 predicted class. */
  public record Classified(String imageId, int label, int predicted) {}

  public VariantMeasurement {
    images = List.copyOf(images);
    batches = List.copyOf(batches);
    if (images.size() != pass.measuredItems()) {
      throw new IllegalArgumentException(
          images.size() + " images but " + pass.measuredItems() + " timings");
    }
  }
}
