package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code eval_start} (INTERVAL_START): evaluation after epoch {@code epoch} begins (off the
 * training clock).
 */
public record EvalStart(
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty("epoch_position") Double epochPosition)
    implements RunEvent {
  public static final EventKind<EvalStart> KIND =
      EventKind.inMetadata(MlLogKeys.EVAL_START, EventType.INTERVAL_START, EvalStart.class);

  /** At the end of {@code epoch}. */
  public EvalStart(int epoch) {
    this(epoch, null);
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
