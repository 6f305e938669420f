package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code checkpoint_saved} (POINT_IN_TIME): the run's whole training state at this point is the
 * TensorFlow checkpoint in {@code folder} (the value, relative to the run folder, e.g. {@code
 * checkpoints/ckpt-240}), written by task 0. Every worker of a run logs the checkpoints taken at an
 * epoch's end, each at the same point of its own log; a checkpoint taken when the run stopped is
 * logged by the chief alone.
 *
 * @param step optimizer updates applied so far (TensorFlow's global step)
 * @param epoch the epoch the checkpoint was taken in (the one just finished, at an epoch's end)
 * @param epochPosition epochs trained: 3.0 after epoch 3, 3.5 halfway through epoch 4
 * @param trainTimeMs the training clock at the checkpoint
 * @param saveMs how long writing it took, off the training clock; null in a log of a process that
 *     did not write it
 * @param trigger why it was taken: {@value #EPOCH}, {@value #STOP} or {@value #END}
 */
public record CheckpointSaved(
    @JsonProperty(value = "folder", required = true) String folder,
    @JsonProperty(value = "step", required = true) long step,
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty(value = "epoch_position", required = true) double epochPosition,
    @JsonProperty(value = "train_time_ms", required = true) long trainTimeMs,
    @JsonProperty("save_ms") Long saveMs,
    @JsonProperty(value = "trigger", required = true) String trigger)
    implements RunEvent {
  public static final EventKind<CheckpointSaved> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.CHECKPOINT_SAVED,
          CheckpointSaved.class,
          "folder",
          "the checkpoint's folder",
          false);

  /** Every {@code train.checkpointEveryEpochs} epochs, at the epoch's end. */
  public static final String EPOCH = "epoch";

  /** The run stopped early (a signal, a lost worker) and kept its last completed step. */
  public static final String STOP = "stop";

  /** The run ended (target reached or epoch budget spent): its final model. */
  public static final String END = "end";

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
