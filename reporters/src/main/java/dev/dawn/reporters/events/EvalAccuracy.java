package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code eval_accuracy} (POINT_IN_TIME): validation accuracy after epoch {@code epoch}, as
 * fractions. The MLLOG value is the top-5 fraction (also in the metadata).
 *
 * @param evalSamples images evaluated; null in logs written before it was recorded
 * @param evalSkippedImages validation images left out because they cannot be decoded (outside a
 *     DAWNBench evaluation, which stops instead); null in logs written before it was recorded
 */
public record EvalAccuracy(
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty(value = "top1_accuracy", required = true) double top1,
    @JsonProperty(value = "top5_accuracy", required = true) double top5,
    @JsonProperty("eval_samples") Long evalSamples,
    @JsonProperty("eval_skipped_images") Long evalSkippedImages)
    implements RunEvent {
  public static final EventKind<EvalAccuracy> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.EVAL_ACCURACY,
          EvalAccuracy.class,
          MlLogKeys.META_TOP5_ACCURACY,
          "the top-5 accuracy fraction",
          true);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
