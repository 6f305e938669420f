package dev.dawn.reporters.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code events.jsonl}, in MLPerf {@code :::MLLOG} vocabulary.
 *
 * @param timeMs milliseconds since the Unix epoch
 * @param eventType one of {@link EventType}
 * @param key an {@link MlLogKeys} key (or any other key the runner chose)
 * @param value number, string, boolean, null, Map or List
 * @param metadata never null; insertion-ordered and unmodifiable
 */
public record Event(
    long timeMs, String eventType, String key, Object value, Map<String, Object> metadata) {

  public Event {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(key, "key");
    if (!EventType.isKnown(eventType)) {
      throw new IllegalArgumentException(
          "event_type must be one of " + EventType.ALL + ", got '" + eventType + "'");
    }
    // LinkedHashMap copy (not Map.copyOf) because metadata values may legitimately be null.
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The metadata entry, or null when absent. */
  public Object meta(String name) {
    return metadata.get(name);
  }
}
