package dev.dawn.reporters.events;

/** How error messages name an event: its key, type and time. */
public final class EventFields {
  private EventFields() {}

  public static String where(Event event) {
    return "event '"
        + event.key()
        + "' ("
        + event.eventType()
        + ", time_ms "
        + event.timeMs()
        + ")";
  }
}
