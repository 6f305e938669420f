package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code epoch_start} (INTERVAL_START) of 1-based epoch {@code epoch}. */
public record EpochStart(@JsonProperty(value = "epoch_num", required = true) int epoch)
    implements RunEvent {
  public static final EventKind<EpochStart> KIND =
      EventKind.inMetadata(MlLogKeys.EPOCH_START, EventType.INTERVAL_START, EpochStart.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
