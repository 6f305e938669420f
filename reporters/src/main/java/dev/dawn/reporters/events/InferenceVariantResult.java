package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code inference_variant} (POINT_IN_TIME, value object): what one variant (precision x pruning)
 * of a {@code dawn infer} run measured. Batch-1 latencies cover every validation image ({@code
 * images}); latencies in ms, accuracies in percent.
 *
 * @param variant label, e.g. {@code int8-prune0.25} (also in {@code latencies-<variant>.csv})
 * @param warmupImages untimed images first (the requested ones and those run while the JIT was
 *     still compiling); null in logs that did not record it (also min and p95)
 * @param latencyMs DAWNBench latency: total model time / images
 * @param latencyWithPreprocessMs the same including decode, resize and crop
 * @param throughputImgS images per second over the summed model time
 * @param params weights of the (possibly pruned) net
 * @param batches the batch-size sweep
 * @param gcCollections garbage collections during the timed batch-1 pass; null in logs that did not
 *     record them (also gcImages, gcPauseMs)
 * @param gcImages timed images whose iteration saw a collection
 * @param gcPauseMs collection time the JVM accounted during the timed pass
 * @param jitCompileMs JIT compilation the JVM accounted during the timed batch-1 pass (its compiler
 *     threads share the cores with the model's); null in logs that did not record it (also
 *     jitImages)
 * @param jitImages timed images during which the JIT compiled
 * @param fixedWorkP50Ms median of passes of fixed arithmetic in registers on the model's threads,
 *     each as long as a mean model pass, timed between the images of a pass after the batch-1 pass
 *     (in logs that have no {@code machineTail}: all after the batch-1 pass): the tail the machine
 *     gives work that needs only its cores; null when not measured (also fixedWorkP99Ms)
 * @param fixedWorkP99Ms 99th percentile of those passes
 * @param machineTail the same pass's fixed work over memory and what it says of the model's slow
 *     images; null in logs that did not record it
 */
public record InferenceVariantResult(
    @JsonProperty(required = true) String variant,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) int resolution,
    @JsonProperty(required = true) String precision,
    @JsonProperty(required = true) double pruneRatio,
    @JsonProperty(required = true) long images,
    Integer warmupImages,
    @JsonProperty(required = true) double latencyMs,
    @JsonProperty(required = true) double latencyMeanMs,
    Double latencyMinMs,
    @JsonProperty(required = true) double latencyP50Ms,
    @JsonProperty(required = true) double latencyP90Ms,
    Double latencyP95Ms,
    @JsonProperty(required = true) double latencyP99Ms,
    @JsonProperty(required = true) double latencyMaxMs,
    @JsonProperty(required = true) double latencyWithPreprocessMs,
    @JsonProperty(required = true) double preprocessMeanMs,
    @JsonProperty(required = true) double throughputImgS,
    @JsonProperty(required = true) double top1Accuracy,
    @JsonProperty(required = true) double top5Accuracy,
    @JsonProperty(required = true) long params,
    @JsonProperty(required = true) double gflops,
    List<Batch> batches,
    Long gcCollections,
    Long gcImages,
    Double gcPauseMs,
    Double jitCompileMs,
    Long jitImages,
    Double fixedWorkP50Ms,
    Double fixedWorkP99Ms,
    MachineTail machineTail)
    implements RunEvent {
  public static final EventKind<InferenceVariantResult> KIND =
      EventKind.asValue(MlLogKeys.INFERENCE_VARIANT, InferenceVariantResult.class);

  public InferenceVariantResult {
    batches = batches == null ? List.of() : List.copyOf(batches);
  }

  /**
   * One batch size of the sweep: latency per batch call (ms), and per image.
   *
   * @param images items timed (batch size x measured batches)
   */
  public record Batch(
      @JsonProperty(required = true) int batchSize,
      @JsonProperty(required = true) long images,
      @JsonProperty(required = true) double latencyMeanMs,
      @JsonProperty(required = true) double latencyP50Ms,
      @JsonProperty(required = true) double latencyP90Ms,
      @JsonProperty(required = true) double latencyP99Ms,
      @JsonProperty(required = true) double latencyMaxMs,
      @JsonProperty(required = true) double perImageMs,
      @JsonProperty(required = true) double throughputImgS) {}

  /**
   * The machine's tail at the moments the model ran: {@code images} images through the model, each
   * followed by a pass of fixed work in registers ({@code fixedWorkP50Ms}), as long as a mean model
   * pass, and one over a working set as large as the model's weights, a quarter as long. An image
   * is slow above {@code dev.dawn.reporters.latency.MachineTailSummary#SLOW} x its p50, a memory
   * pass likewise; "beside" an image are the memory passes right before and right after it.
   *
   * @param workingSetMiB what the memory work sweeps: the model's weights at their precision
   * @param modelP50Ms the model's median in this pass (fixed work between its images)
   * @param memoryWorkP50Ms median of the passes over memory
   * @param modelOverMemoryWorkP99P50 p99/p50 of each image's time over the mean of the memory
   *     passes beside it: the tail left when the machine's speed at each moment is divided out
   * @param correlation Pearson correlation of each image's time with that mean
   * @param slowImages images of this pass slower than SLOW x its p50
   * @param slowImagesBesideSlowMemoryWork of those, the ones with a slow memory pass beside them
   * @param imagesBesideSlowMemoryWork all images with a slow memory pass beside them: the share a
   *     slow image would have by chance
   */
  public record MachineTail(
      @JsonProperty(required = true) int images,
      @JsonProperty(required = true) double workingSetMiB,
      @JsonProperty(required = true) double modelP50Ms,
      @JsonProperty(required = true) double modelP99Ms,
      @JsonProperty(required = true) double memoryWorkP50Ms,
      @JsonProperty(required = true) double memoryWorkP99Ms,
      @JsonProperty(required = true) double modelOverMemoryWorkP99P50,
      @JsonProperty(required = true) double correlation,
      @JsonProperty(required = true) int slowImages,
      @JsonProperty(required = true) int slowImagesBesideSlowMemoryWork,
      @JsonProperty(required = true) int imagesBesideSlowMemoryWork) {}

  /**
   * The DAWNBench accuracy named by a metric key ({@code top1Accuracy} or {@code top5Accuracy}), in
   * percent.
   */
  public double accuracy(String metric) {
    return switch (metric) {
      case "top1Accuracy" -> top1Accuracy;
      case "top5Accuracy" -> top5Accuracy;
      default -> throw new IllegalArgumentException("unknown accuracy metric '" + metric + "'");
    };
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
