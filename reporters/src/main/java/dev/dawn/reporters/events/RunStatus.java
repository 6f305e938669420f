package dev.dawn.reporters.events;

import java.util.Optional;

/**
 * How a run ended: the word its {@code run_stop} event records (dawn's word, beside MLPerf's
 * success/aborted) and the exit status of the command that ran it. One vocabulary for the runner,
 * the CLI, sweeps, records and TensorBoard.
 */
public enum RunStatus {
  SUCCESS("success", 0),
  /** The epoch budget was spent below the target. */
  TARGET_NOT_REACHED("target_not_reached", 3),
  /** The loss became NaN or infinite. */
  DIVERGED("diverged", 4),
  FAILED("failed", 1),
  /** Ctrl-C (SIGINT): 128 + 2, as a shell reports it. */
  INTERRUPTED("interrupted", 130),
  /** SIGTERM: 128 + 15; also what a log without run_stop reads as (killed with kill -9). */
  KILLED("killed", 143);

  private final String word;
  private final int exitCode;

  RunStatus(String word, int exitCode) {
    this.word = word;
    this.exitCode = exitCode;
  }

  /** The word in {@code run_stop}. */
  public String word() {
    return word;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The status a word names; empty for a word this vocabulary does not have. */
  public static Optional<RunStatus> ofWord(String word) {
    for (RunStatus s : values()) {
      if (s.word.equals(word)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
