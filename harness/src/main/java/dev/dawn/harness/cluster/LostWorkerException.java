package dev.dawn.harness.cluster;

import java.time.Duration;
import java.util.List;

/**
 * A step or evaluation of a cluster run failed because a collective did not complete: another
 * worker died, was killed or stopped answering. The message names the tasks that no longer accept
 * connections (found by {@link PeerProbe}), so the run's {@code run_stop} says which worker went
 * missing instead of only that a collective timed out.
 */
public final class LostWorkerException extends RuntimeException {
  /** How long each peer gets to accept a connection before it counts as gone. */
  static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

  public LostWorkerException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param cause the collective's failure
   * @param workers every task's {@code host:port}
   * @param self this process's task
   * @param timeoutSeconds the collective timeout in effect
   */
  public static LostWorkerException after(
      Throwable cause, List<String> workers, int self, int timeoutSeconds) {
    List<Integer> lost = PeerProbe.unreachable(workers, self, PROBE_TIMEOUT);
    String who;
    if (lost.isEmpty()) {
      who = "a collective with the other workers failed (every worker still accepts connections)";
    } else {
      StringBuilder s = new StringBuilder();
      for (int task : lost) {
        if (s.length() > 0) s.append(", ");
        s.append("task ").append(task).append(" (").append(workers.get(task)).append(")");
      }
      who = "worker " + s + " stopped answering";
    }
    String detail =
        cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
    return new LostWorkerException(
        who
            + "; collectives time out after "
            + timeoutSeconds
            + " s"
            + (detail.isBlank() || !lost.isEmpty() ? "" : ": " + detail),
        cause);
  }

  /** The message alone: it is what run_stop records and what the user reads. */
  @Override
  public String toString() {
    return getMessage();
  }
}
