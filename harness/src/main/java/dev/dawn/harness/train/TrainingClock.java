package dev.dawn.harness.train;

/**
 * DAWNBench's two clocks: training time (what the TSV's {@code hours} counts; evaluation excluded,
 * as the DAWNBench FAQ allows) and wall time since the run started (everything). Both are kept in
 * the event log.
 */
final class TrainingClock {
  private final long runStartNanos = System.nanoTime();
  private long trainingNanos;
  private long segmentStart = -1;

  void startTraining() {
    segmentStart = System.nanoTime();
  }

  void stopTraining() {
    if (segmentStart >= 0) trainingNanos += System.nanoTime() - segmentStart;
    segmentStart = -1;
  }

  long trainingMillis() {
    long open = segmentStart >= 0 ? System.nanoTime() - segmentStart : 0;
    return (trainingNanos + open) / 1_000_000;
  }

  double trainingSeconds() {
    long open = segmentStart >= 0 ? System.nanoTime() - segmentStart : 0;
    return (trainingNanos + open) / 1e9;
  }

  long wallMillis() {
    return (System.nanoTime() - runStartNanos) / 1_000_000;
  }
}
