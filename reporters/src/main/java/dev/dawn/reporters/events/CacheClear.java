package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code cache_clear} (POINT_IN_TIME): whether the system's caches were dropped before the run, as
 * MLPerf asks; the value is the boolean.
 *
 * @param cleared true when the operating system's page cache was dropped
 * @param note what was and was not cleared
 */
public record CacheClear(
    @JsonProperty(value = "cleared", required = true) boolean cleared,
    @JsonProperty("note") String note)
    implements RunEvent {
  public static final EventKind<CacheClear> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.CACHE_CLEAR, CacheClear.class, "cleared", "true or false", false);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
