package dev.dawn.workloads.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Throughput and per-batch latency for several batch sizes. For each size the caller prepares a
 * {@link BatchCall} (input batch already in memory, so only the model is timed); it runs {@code
 * warmupBatches} untimed calls, then times {@code measuredBatches} calls one by one.
 */
public final class BatchSizeSweep {
  public static final List<Integer> DEFAULT_BATCH_SIZES = List.of(1, 8, 32, 128);

  private final int warmupBatches;
  private final int measuredBatches;

  public BatchSizeSweep(int warmupBatches, int measuredBatches) {
    if (warmupBatches < 0 || measuredBatches < 1) {
      throw new IllegalArgumentException(
          "batch sweep needs warmupBatches >= 0 and measuredBatches >= 1, got "
              + warmupBatches
              + "/"
              + measuredBatches);
    }
    this.warmupBatches = warmupBatches;
    this.measuredBatches = measuredBatches;
  }

  public List<BatchPoint> run(List<Integer> batchSizes, IntFunction<BatchCall> prepare) {
    if (batchSizes.isEmpty()) {
      throw new IllegalArgumentException("batch sweep needs at least one batch size");
    }
    List<BatchPoint> points = new ArrayList<>(batchSizes.size());
    for (int b : batchSizes) {
      if (b < 1) {
        throw new IllegalArgumentException(
            "batch sizes must be >= 1, got " + b + " in " + batchSizes);
      }
      points.add(new BatchPoint(b, time(prepare.apply(b))));
    }
    return points;
  }

  private long[] time(BatchCall call) {
    try (call) {
      for (int i = 0; i < warmupBatches; i++) {
        call.run();
      }
      long[] nanos = new long[measuredBatches];
      for (int i = 0; i < measuredBatches; i++) {
        long t0 = System.nanoTime();
        call.run();
        nanos[i] = System.nanoTime() - t0;
      }
      return nanos;
    }
  }
}
