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
    if (lost.isEmpty()) {
      // every peer still listens: a slow worker, or a failure TensorFlow describes better
      String detail = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
      return new LostWorkerException(
          "a collective with the other workers failed within the "
              + timeoutSeconds
              + " s timeout while every worker still accepts connections: "
              + detail,
          cause);
    }
    StringBuilder who = new StringBuilder();
    for (int task : lost) {
      if (who.length() > 0) who.append(", ");
      who.append("task ").append(task).append(" (").append(workers.get(task)).append(")");
    }
    return new LostWorkerException(
        (lost.size() == 1 ? "worker " : "workers ")
            + who
            + " stopped answering; collectives failed within the "
            + timeoutSeconds
            + " s timeout",
        cause);
  }

  /** The message alone: it is what run_stop records and what the user reads. */
  @Override
  public String toString() {
    return getMessage();
  }
}
