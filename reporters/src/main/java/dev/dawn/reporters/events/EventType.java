package dev.dawn.reporters.events;

import java.util.Set;

/** The three MLPerf {@code :::MLLOG} event types ({@code mllogger.event/start/end}). */
public final class EventType {
  public static final String POINT_IN_TIME = "POINT_IN_TIME";
  public static final String INTERVAL_START = "INTERVAL_START";
  public static final String INTERVAL_END = "INTERVAL_END";

  static final Set<String> ALL = Set.of(POINT_IN_TIME, INTERVAL_START, INTERVAL_END);

  private EventType() {}

  public static boolean isKnown(String eventType) {
    return ALL.contains(eventType);
  }
}
