package dev.dawn.workloads.inference;

import java.util.List;
import java.util.function.Function;

/**
 * The machine's tail sampled at the moments the model runs. The timed batch-1 pass says how long
 * each image took, not whether the model or the machine made a slow image slow: here images go
 * through the model one at a time again, each followed by one pass of fixed work {@linkplain
 * FixedWorkPasses#inRegisters in registers}, as long as a mean model pass (so its p99/p50 compares
 * with the model's), and one {@linkplain FixedWorkPasses#overMemory over a working set} as large as
 * the model's weights, a quarter as long: a gauge of how fast the caches and memory were at that
 * moment, kept short because it evicts the model's weights. Both run on as many threads as the
 * model uses. A slow image between two slow passes over memory was slowed by the machine; the
 * model's time over that of the memory work beside it is the tail left to the model.
 *
 * <p>A pass of its own after the timed one, so the fixed work never changes the reported latencies;
 * the model is a little slower in it, sharing its caches with the fixed work. Preprocessing is
 * untimed here.
 */
public final class MachineTailPass {
  /** A memory pass lasts a mean model pass over this. */
  static final int MEMORY_PASS_FRACTION = 4;

  private MachineTailPass() {}

  /**
   * Runs {@code inputs} through {@code model}, one pass of each kind of fixed work after each.
   *
   * @param threads threads of the fixed work (the model's intra-op threads)
   * @param workingSetBytes bytes the memory work sweeps (the model's weights)
   * @param passNanos the length of a mean model pass, which the fixed work is calibrated to
   */
  public static <I, T> MachineTailRun run(
      List<I> inputs,
      Function<? super I, ? extends T> preprocess,
      InferenceStep<? super T> model,
      int threads,
      long workingSetBytes,
      long passNanos) {
    if (inputs.isEmpty())
      throw new IllegalArgumentException("the machine's tail needs at least one input, got none");
    int n = inputs.size();
    long[] modelNanos = new long[n];
    long[] registerNanos = new long[n];
    long[] memoryNanos = new long[n];
    try (FixedWorkPasses registers = FixedWorkPasses.inRegisters(threads, passNanos);
        FixedWorkPasses memory =
            FixedWorkPasses.overMemory(
                threads, workingSetBytes, Math.max(1, passNanos / MEMORY_PASS_FRACTION))) {
      for (int i = 0; i < n; i++) {
        T x = preprocess.apply(inputs.get(i));
        long t0 = System.nanoTime();
        model.infer(x);
        modelNanos[i] = System.nanoTime() - t0;
        registerNanos[i] = registers.pass();
        memoryNanos[i] = memory.pass();
      }
    }
    return new MachineTailRun(modelNanos, registerNanos, memoryNanos, workingSetBytes);
  }
}
