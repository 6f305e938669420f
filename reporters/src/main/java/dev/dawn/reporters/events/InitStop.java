package dev.dawn.reporters.events;

/**
 * {@code init_stop} (INTERVAL_END): data, graph and initial weights are ready; {@code run_start}
 * follows at once.
 */
public record InitStop() implements RunEvent {
  public static final EventKind<InitStop> KIND =
      EventKind.inMetadata(MlLogKeys.INIT_STOP, EventType.INTERVAL_END, InitStop.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
