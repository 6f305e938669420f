package dev.dawn.reporters.events;

/**
 * A typed line of {@code events.jsonl}. Writers hand one to {@link EventLog#write(RunEvent)};
 * readers turn a read {@link Event} back into its record with {@link EventKind#decode(Event)}. Each
 * record type names its key, event type and field placement once, in its {@code KIND} constant.
 */
public interface RunEvent {
  /** The MLLOG line of this event, stamped {@code timeMs}. */
  Event toEvent(long timeMs);
}
