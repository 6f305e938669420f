package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code eval_stop} (INTERVAL_END): evaluation after epoch {@code epoch} ends. */
public record EvalStop(
    @JsonProperty(value = "epoch_num", required = true) int epoch,
    @JsonProperty("epoch_position") Double epochPosition)
    implements RunEvent {
  public static final EventKind<EvalStop> KIND =
      EventKind.inMetadata(MlLogKeys.EVAL_STOP, EventType.INTERVAL_END, EvalStop.class);

  /** At the end of {@code epoch}. */
  public EvalStop(int epoch) {
    this(epoch, null);
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
