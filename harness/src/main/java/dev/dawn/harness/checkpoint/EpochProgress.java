package dev.dawn.harness.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The running figures of an epoch not yet ended, kept so that a run resumed within it writes the
 * epoch_stop the uninterrupted run would have: the mean loss over all its steps and its images/s
 * over all its training time, not just the part after the resume.
 *
 * @param lossSum sum of loss x batch images over the steps done
 * @param images images trained
 * @param trainNanos the epoch's training time so far (evaluations excluded)
 * @param learningRate the learning rate of its last step
 */
public record EpochProgress(
    @JsonProperty(value = "loss_sum", required = true) double lossSum,
    @JsonProperty(value = "images", required = true) long images,
    @JsonProperty(value = "train_nanos", required = true) long trainNanos,
    @JsonProperty(value = "learning_rate", required = true) double learningRate) {
  /** An epoch with no step yet. */
  public static final EpochProgress NONE = new EpochProgress(0, 0, 0, 0);
}
