package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code run_resume} (POINT_IN_TIME): the run continues in a new process from the checkpoint in
 * {@code folder} (the value, relative to the run folder). The first {@code logLines} lines of this
 * log stand; the lines after them, up to this one, were written after the checkpoint (by the
 * process that stopped) and are superseded: their work is done again and {@link
 * EventLogReader#read} leaves them out, so every reader sees one continuous run. The training clock
 * continues from the checkpoint's; the wall clock ({@code wall_time_ms}) counts from the run's
 * first start, the time it was stopped included.
 *
 * @param logLines lines of this log, counted from its first, that stand
 * @param step optimizer updates applied at the checkpoint (TensorFlow's global step)
 * @param epoch the epoch training continues in
 * @param epochPosition epochs trained at the checkpoint
 * @param trainTimeMs the training clock at the checkpoint, where {@code train_time_ms} continues
 * @param redoneEpochs epochs that had begun after the checkpoint and are trained again (from the
 *     checkpoint on); empty when the run stopped right at the checkpoint
 * @param supersededLines how many lines this resume leaves out
 */
public record RunResume(
    @JsonProperty(value = "folder", required = true) String folder,
    @JsonProperty(value = "log_lines", required = true) int logLines,
    @JsonProperty(value = "step", required = true) long step,
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty(value = "epoch_position", required = true) double epochPosition,
    @JsonProperty(value = "train_time_ms", required = true) long trainTimeMs,
    @JsonProperty(value = "redone_epochs", required = true) List<Integer> redoneEpochs,
    @JsonProperty(value = "superseded_lines", required = true) int supersededLines)
    implements RunEvent {
  public static final EventKind<RunResume> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.RUN_RESUME, RunResume.class, "folder", "the checkpoint's folder", false);

  public RunResume {
    if (logLines < 0) {
      throw new IllegalArgumentException("log_lines must be >= 0, got " + logLines);
    }
    redoneEpochs = List.copyOf(redoneEpochs);
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
