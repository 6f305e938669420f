package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code run_stop} (INTERVAL_END): how the run ended. {@code status} is MLPerf's word ({@link
 * #MLPERF_SUCCESS} or {@link #MLPERF_ABORTED}), {@code dawn_status} dawn's finer one. Logs written
 * before MLPerf's words were used hold dawn's word in {@code status} and no {@code dawn_status};
 * {@link #status()} reads both.
 *
 * @param mlperfStatus MLPerf's status; dawn's word in older logs
 * @param dawnStatus e.g. {@code success}, {@code target_not_reached}, {@code diverged}, {@code
 *     failed}; null in older logs
 * @param reason why it stopped early; null when it did not
 */
public record RunStop(
    @JsonProperty(value = "status", required = true) String mlperfStatus,
    @JsonProperty("dawn_status") String dawnStatus,
    @JsonProperty("reason") String reason)
    implements RunEvent {
  public static final EventKind<RunStop> KIND =
      EventKind.inMetadata(MlLogKeys.RUN_STOP, EventType.INTERVAL_END, RunStop.class);

  /** MLPerf's status of a run that reached its target; also dawn's word for it. */
  public static final String MLPERF_SUCCESS = RunStatus.SUCCESS.word();

  /** MLPerf's status of every other ending. */
  public static final String MLPERF_ABORTED = "aborted";

  /** A run that ended with {@code status}; MLPerf's status follows from it. */
  public static RunStop of(RunStatus status, String reason) {
    return new RunStop(
        status == RunStatus.SUCCESS ? MLPERF_SUCCESS : MLPERF_ABORTED, status.word(), reason);
  }

  /** Dawn's word for the ending, in new and older logs alike. */
  public String status() {
    return dawnStatus != null ? dawnStatus : mlperfStatus;
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
