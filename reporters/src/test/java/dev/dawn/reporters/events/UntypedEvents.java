package dev.dawn.reporters.events;

import java.util.Map;

/**
 * Hand-made event lines for tests: keys and values with no record (malformed, legacy or foreign
 * logs) that runners never write.
 */
public final class UntypedEvents {
  private UntypedEvents() {}

  public static void pointInTime(EventLog log, String key, Object value) {
    log.write(EventType.POINT_IN_TIME, key, value, Map.of());
  }

  public static void pointInTime(
      EventLog log, String key, Object value, Map<String, Object> metadata) {
    log.write(EventType.POINT_IN_TIME, key, value, metadata);
  }

  public static void intervalStart(EventLog log, String key, Map<String, Object> metadata) {
    log.write(EventType.INTERVAL_START, key, null, metadata);
  }

  public static void intervalEnd(EventLog log, String key, Map<String, Object> metadata) {
    log.write(EventType.INTERVAL_END, key, null, metadata);
  }
}
