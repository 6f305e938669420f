package dev.dawn.harness.train;

/**
 * DAWNBench's two clocks: training time (what the TSV's {@code hours} counts; evaluation excluded,
 * as the DAWNBench FAQ allows) and wall time since the run started (everything). Both are kept in
 * the event log. A resumed run's clocks continue: training time from the checkpoint's, wall time
 * from the run's first start (the time it was stopped counted).
 */
final class TrainingClock {
  private final long startNanos = System.nanoTime();
  private final long runStartMs;
  private final long wallAtStartMs;
  private long trainingNanos;
  private long segmentStart = -1;

  /** A new run's clocks, both at zero. */
  TrainingClock() {
    this(0, System.currentTimeMillis());
  }

  /**
   * @param trainingNanos the training time the run had at its checkpoint
   * @param runStartMs when the run first started (ms since the epoch)
   */
  TrainingClock(long trainingNanos, long runStartMs) {
    this.trainingNanos = trainingNanos;
    this.runStartMs = runStartMs;
    this.wallAtStartMs = Math.max(0, System.currentTimeMillis() - runStartMs);
  }

  void startTraining() {
    segmentStart = System.nanoTime();
  }

  void stopTraining() {
    if (segmentStart >= 0) trainingNanos += System.nanoTime() - segmentStart;
    segmentStart = -1;
  }

  long trainingMillis() {
    return trainingNanos() / 1_000_000;
  }

  double trainingSeconds() {
    return trainingNanos() / 1e9;
  }

  /** The training time so far, an open segment included. */
  long trainingNanos() {
    long open = segmentStart >= 0 ? System.nanoTime() - segmentStart : 0;
    return trainingNanos + open;
  }

  long wallMillis() {
    return wallAtStartMs + (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** When the run first started (ms since the epoch), what a checkpoint keeps. */
  long runStartMs() {
    return runStartMs;
  }
}
