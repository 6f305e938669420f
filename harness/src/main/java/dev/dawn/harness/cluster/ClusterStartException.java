package dev.dawn.harness.cluster;

/**
 * A worker that cannot join its cluster for a reason the user must fix: its port cannot be bound,
 * its config differs from the others', its run folder is taken. Reported in one line, exit status
 * 2, before any training.
 */
public final class ClusterStartException extends RuntimeException {
  public ClusterStartException(String message) {
    super(message);
  }

  public ClusterStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
