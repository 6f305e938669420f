package dev.dawn.harness.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a run is in its training, as a checkpoint records it. The learning-rate and momentum
 * schedules are functions of the epoch position, and the data order of the (seed, epoch) pair, so
 * the position is also where they continue.
 *
 * @param epoch the 1-based epoch the run is in
 * @param stepsDone (micro-batch) steps of that epoch trained
 * @param stepsInEpoch the epoch's steps
 * @param epochEnded the epoch's end is done too (its epoch_stop, evaluation and checkpoint), so
 *     training continues with the next epoch
 * @param evaluationPending the evaluation due after {@code stepsDone} steps was cut short, so a
 *     resumed run evaluates before its next step (or, with every step done, ends the epoch)
 * @param globalStep optimizer updates applied so far (TensorFlow's global step)
 */
public record TrainingPosition(
    @JsonProperty(value = "epoch", required = true) int epoch,
    @JsonProperty(value = "steps_done", required = true) int stepsDone,
    @JsonProperty(value = "steps_in_epoch", required = true) int stepsInEpoch,
    @JsonProperty(value = "epoch_ended", required = true) boolean epochEnded,
    @JsonProperty(value = "evaluation_pending", required = true) boolean evaluationPending,
    @JsonProperty(value = "global_step", required = true) long globalStep) {

  public TrainingPosition {
    if (epoch < 1 || stepsDone < 0 || stepsInEpoch < 0 || stepsDone > stepsInEpoch) {
      throw new IllegalArgumentException(
          "position: epoch "
              + epoch
              + ", step "
              + stepsDone
              + " of "
              + stepsInEpoch
              + " is not a place in a run");
    }
  }

  /** Epochs trained: 3.0 after epoch 3, 3.5 halfway through epoch 4. */
  public double epochPosition() {
    if (epochEnded || stepsInEpoch == 0) return epochEnded ? epoch : epoch - 1;
    return (epoch - 1) + (double) stepsDone / stepsInEpoch;
  }

  /** Epochs whose end is done. */
  public int completedEpochs() {
    return epochEnded ? epoch : epoch - 1;
  }

  /** The epoch training continues in. */
  public int nextEpoch() {
    return epochEnded ? epoch + 1 : epoch;
  }
}
