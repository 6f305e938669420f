package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code eval_accuracy} (POINT_IN_TIME): validation accuracy during or after epoch {@code epoch},
 * as fractions. The MLLOG value is the top-1 fraction, the metric of MLPerf's ResNet-50 benchmark
 * (logs written before it hold the top-5 fraction there); both are in the metadata, which is what
 * is read.
 *
 * @param epochPosition epochs trained when evaluated, e.g. 6.5 for halfway through epoch 7 or 7.0
 *     after it; null (logs written before it was recorded) means the end of {@code epoch}
 * @param trainTimeMs training clock when evaluated, evaluation excluded; null means the {@code
 *     epoch_stop} of {@code epoch}
 * @param evalSamples images evaluated; null in logs written before it was recorded
 * @param evalSkippedImages validation images left out because they cannot be decoded (outside a
 *     DAWNBench evaluation, which stops instead); null in logs written before it was recorded
 */
public record EvalAccuracy(
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty(value = "top1_accuracy", required = true) double top1,
    @JsonProperty(value = "top5_accuracy", required = true) double top5,
    @JsonProperty("eval_samples") Long evalSamples,
    @JsonProperty("eval_skipped_images") Long evalSkippedImages,
    @JsonProperty("epoch_position") Double epochPosition,
    @JsonProperty("train_time_ms") Long trainTimeMs)
    implements RunEvent {
  public static final EventKind<EvalAccuracy> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.EVAL_ACCURACY,
          EvalAccuracy.class,
          MlLogKeys.META_TOP1_ACCURACY,
          "the top-1 accuracy fraction",
          true);

  /** An evaluation at the end of {@code epoch}, its time taken from that epoch's epoch_stop. */
  public EvalAccuracy(
      int epoch, double top1, double top5, Long evalSamples, Long evalSkippedImages) {
    this(epoch, top1, top5, evalSamples, evalSkippedImages, null, null);
  }

  /** Epochs trained when evaluated: {@link #epochPosition}, or {@code epoch} when not recorded. */
  public double position() {
    return epochPosition == null ? epoch : epochPosition;
  }

  /** True when the evaluation ran before {@code epoch} finished. */
  public boolean midEpoch() {
    return position() < epoch;
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
