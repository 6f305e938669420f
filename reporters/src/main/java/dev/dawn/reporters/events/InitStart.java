package dev.dawn.reporters.events;

/**
 * {@code init_start} (INTERVAL_START): the run began preparing its data, cluster and graph. MLPerf
 * keeps initialisation off the clock, which starts at {@code run_start}.
 */
public record InitStart() implements RunEvent {
  public static final EventKind<InitStart> KIND =
      EventKind.inMetadata(MlLogKeys.INIT_START, EventType.INTERVAL_START, InitStart.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
