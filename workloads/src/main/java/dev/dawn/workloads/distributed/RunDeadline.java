package dev.dawn.workloads.distributed;

import org.tensorflow.proto.RunOptions;

/**
 * A deadline for a whole {@code Session.run} on a worker server: what ends a run that waits on a
 * frozen worker, since the all-reduces carry no timeout of their own (see {@link Collectives}), and
 * a run whose request to an unreachable task 0 (which forms every collective group) would otherwise
 * be retried without end. The run fails with DEADLINE_EXCEEDED.
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
