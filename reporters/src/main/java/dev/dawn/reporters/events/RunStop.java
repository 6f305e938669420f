package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code run_stop} (INTERVAL_END): how the run ended.
 *
 * @param status e.g. {@code success}, {@code target_not_reached}, {@code diverged}, {@code failed}
 * @param reason why it stopped early; null when it did not
 */
public record RunStop(
    @JsonProperty(value = "status", required = true) String status,
    @JsonProperty("reason") String reason)
    implements RunEvent {
  public static final EventKind<RunStop> KIND =
      EventKind.inMetadata(MlLogKeys.RUN_STOP, EventType.INTERVAL_END, RunStop.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
