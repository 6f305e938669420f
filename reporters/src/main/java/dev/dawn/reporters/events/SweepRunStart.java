package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code sweep_run_start} (INTERVAL_START, in {@code sweep-events.jsonl}): a sweep launches one run
 * of one cell.
 *
 * @param cell 1-based cell number, in the spec's order
 * @param repeat 1-based repeat number
 * @param seed the {@code train.seed} of this run
 * @param runName the run's config name; its run folder is {@code runs/<timestamp>-<runName>}
 * @param values the cell's grid values, dotted config key to value, in the spec's order
 * @param runFolder the run folder the sweep made for the run and gave it, relative to the sweep
 *     folder; null in logs written before the sweep named it
 */
public record SweepRunStart(
    @JsonProperty(value = "cell", required = true) int cell,
    @JsonProperty(value = "repeat", required = true) int repeat,
    @JsonProperty(value = "seed", required = true) long seed,
    @JsonProperty(value = "run_name", required = true) String runName,
    @JsonProperty(value = "values", required = true) Map<String, Object> values,
    @JsonProperty("run_folder") String runFolder)
    implements RunEvent {
  public static final EventKind<SweepRunStart> KIND =
      EventKind.inMetadata(
          MlLogKeys.SWEEP_RUN_START, EventType.INTERVAL_START, SweepRunStart.class);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
