package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code init_eval} (POINT_IN_TIME): validation accuracy of the {@code train.initWeights} model
 * before any training (fractions, like {@link EvalAccuracy}; the value is the top-5 fraction), with
 * the same image counts.
 */
public record InitialAccuracy(
    @JsonProperty(value = "top1_accuracy", required = true) double top1,
    @JsonProperty(value = "top5_accuracy", required = true) double top5,
    @JsonProperty("eval_samples") Long evalSamples,
    @JsonProperty("eval_skipped_images") Long evalSkippedImages)
    implements RunEvent {
  public static final EventKind<InitialAccuracy> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.INIT_EVAL,
          InitialAccuracy.class,
          MlLogKeys.META_TOP5_ACCURACY,
          "the top-5 accuracy fraction",
          true);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
