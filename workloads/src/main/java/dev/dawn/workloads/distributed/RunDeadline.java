package dev.dawn.workloads.distributed;

import org.tensorflow.proto.RunOptions;

/**
 * A deadline for a whole {@code Session.run} on a worker server. The collectives' own timeout only
 * runs once their group has formed; forming it asks task 0, and while task 0 is unreachable that
 * request is retried without end. A run deadline cancels the step instead (DEADLINE_EXCEEDED).
 */
public final class RunDeadline {
  private RunDeadline() {}

  /** Options that cancel a run still going after {@code seconds}. */
  public static RunOptions of(long seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("run deadline must be >= 1 s, got " + seconds);
    }
    return RunOptions.newBuilder().setTimeoutInMs(seconds * 1000).build();
  }
}
