package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code train_step} (POINT_IN_TIME) every {@code train.logEverySteps} steps: the value is the
 * (unscaled) training loss of the step.
 *
 * @param momentum null when the optimizer has none
 * @param imagesPerSecond over the epoch so far; null in logs written before it was recorded
 * @param lossScale fp16 dynamic loss scale; null without loss scaling
 * @param skippedUpdates steps skipped for overflowing fp16 gradients; null without loss scaling
 */
public record TrainStep(
    @JsonProperty(value = "loss", required = true) double loss,
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty(value = "step", required = true) long step,
    @JsonProperty(value = "global_step", required = true) long globalStep,
    @JsonProperty(value = "learning_rate", required = true) double learningRate,
    @JsonProperty("momentum") Double momentum,
    @JsonProperty("images_per_second") Double imagesPerSecond,
    @JsonProperty("loss_scale") Double lossScale,
    @JsonProperty("skipped_updates") Long skippedUpdates)
    implements RunEvent {
  public static final EventKind<TrainStep> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.TRAIN_STEP,
          TrainStep.class,
          MlLogKeys.META_LOSS,
          "the training loss (a number)",
          false);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
