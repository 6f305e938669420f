package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code eval_start} (INTERVAL_START): evaluation after epoch {@code epoch} begins (off the
 * training clock).
 */
public record EvalStart(@JsonProperty(value = "epoch_num", required = true) int epoch)
    implements RunEvent {
  public static final EventKind<EvalStart> KIND =
      EventKind.inMetadata(MlLogKeys.EVAL_START, EventType.INTERVAL_START, EvalStart.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
