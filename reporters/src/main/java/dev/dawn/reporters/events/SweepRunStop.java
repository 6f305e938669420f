package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code sweep_run_stop} (INTERVAL_END, in {@code sweep-events.jsonl}): one run of a sweep cell
 * ended. A run with a start and no stop was cut off (the sweep was killed) and is run again by
 * {@code dawn sweep --resume}.
 *
 * @param cell 1-based cell number
 * @param repeat 1-based repeat number
 * @param exitCode the {@code dawn train} exit status (0 target reached, 3 not reached, 4 diverged,
 *     1/2 failed)
 * @param runFolder the run folder relative to the sweep folder; null when the run failed before
 *     making one
 * @param detail why a run without a run folder failed (e.g. the log's last line); null otherwise
 */
public record SweepRunStop(
    @JsonProperty(value = "cell", required = true) int cell,
    @JsonProperty(value = "repeat", required = true) int repeat,
    @JsonProperty(value = "exit_code", required = true) int exitCode,
    @JsonProperty("run_folder") String runFolder,
    @JsonProperty("detail") String detail)
    implements RunEvent {
  public static final EventKind<SweepRunStop> KIND =
      EventKind.inMetadata(MlLogKeys.SWEEP_RUN_STOP, EventType.INTERVAL_END, SweepRunStop.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
