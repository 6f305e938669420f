package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code run_start} (INTERVAL_START): the first line of every run. */
public record RunStart(@JsonProperty(value = "run_id", required = true) String runId)
    implements RunEvent {
  public static final EventKind<RunStart> KIND =
      EventKind.inMetadata(MlLogKeys.RUN_START, EventType.INTERVAL_START, RunStart.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
