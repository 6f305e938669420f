package dev.dawn.workloads.inference;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * DAWNBench-style batch-1 latency: every input is preprocessed and classified one at a time, and
 * each step is timed with {@link System#nanoTime()}. Preprocessing and the model are timed apart so
 * latency can be reported with and without preprocessing (DAWNBench entries differ on this; Huawei
 * times only the model on pre-decoded tensors).
 *
 * <p>The timed region holds only the preprocess call, the model call and three clock reads; the
 * result arrays are allocated before the loop and a preprocessed input that is {@link
 * AutoCloseable} (a TF tensor) is closed after the clock stops.
 *
 * <p>Warm-up: the requested items, then more while the JIT is still compiling. Its compiler threads
 * share the cores with the model's, so an image timed while they compile the Java around the model
 * (decoding, preprocessing, feeding) can wait for a core; the warm-up goes on in windows of at
 * least {@value #QUIET_WINDOW_ITEMS} items and {@value #QUIET_WINDOW_MILLIS} ms until a window
 * spends at most {@value #QUIET_SHARE_PERCENT}% of its time compiling, or for at most {@value
 * #MAX_EXTRA_WARMUP_SECONDS} s more. A warm-up of 0 items is none at all.
 *
 * <p>Garbage collection: after the warm-up the heap is collected once, so the timed loop starts
 * with an empty young generation and a loop that allocates little per item sees no collection at
 * all; the collections that still happen, and the JIT compilation, are counted per item, outside
 * the clock, and returned beside the timings ({@link LatencyRun#gcCollections()}, {@link
 * LatencyRun#jitMillis()}).
 */
public final class LatencyRunner {
  static final int QUIET_WINDOW_ITEMS = 10;
  static final int QUIET_WINDOW_MILLIS = 500;
  static final int QUIET_SHARE_PERCENT = 1;
  static final int MAX_EXTRA_WARMUP_SECONDS = 60;

  private final int warmupItems;
  private final LongSupplier jitMillis;
  private final long maxExtraWarmupNanos;

  /**
   * @param warmupItems untimed items run first (cycling over the inputs), e.g. to let TF build its
   *     kernels
   */
  public LatencyRunner(int warmupItems) {
    this(warmupItems, new JitCounter()::millis, MAX_EXTRA_WARMUP_SECONDS * 1_000_000_000L);
  }

  /** With a given compilation clock (ms so far) and bound on the extra warm-up. */
  LatencyRunner(int warmupItems, LongSupplier jitMillis, long maxExtraWarmupNanos) {
    if (warmupItems < 0) {
      throw new IllegalArgumentException("warmupItems must be >= 0, got " + warmupItems);
    }
    this.warmupItems = warmupItems;
    this.jitMillis = jitMillis;
    this.maxExtraWarmupNanos = maxExtraWarmupNanos;
  }

  int warmupItems() {
    return warmupItems;
  }

  /**
   * Times {@code preprocess} then {@code model} per input. A preprocessed value that is {@link
   * AutoCloseable} is closed after its model call, outside the clock.
   */
  public <I, T> LatencyRun run(
      List<I> inputs, Function<? super I, ? extends T> preprocess, InferenceStep<? super T> model) {
    return measure(inputs, preprocess, model, true);
  }

  /**
   * Like {@link #run}, for a {@code preprocess} that writes every input into the same reused value
   * (e.g. one input tensor refilled per image), which the caller owns: nothing is closed, and no
   * input buffer is allocated per item.
   */
  public <I, T> LatencyRun runReusingInput(
      List<I> inputs, Function<? super I, ? extends T> preprocess, InferenceStep<? super T> model) {
    return measure(inputs, preprocess, model, false);
  }

  /**
   * Model-only timing of inputs that are already preprocessed (e.g. tensors in memory); the inputs
   * stay open and the preprocess numbers measure just the empty step between two clock reads.
   */
  public <T> LatencyRun runPreprocessed(List<T> inputs, InferenceStep<? super T> model) {
    return measure(inputs, Function.identity(), model, false);
  }

  private <I, T> LatencyRun measure(
      List<I> inputs,
      Function<? super I, ? extends T> preprocess,
      InferenceStep<? super T> model,
      boolean close) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("latency run needs at least one input, got an empty list");
    }
    int warmedUp = warmUp(inputs, preprocess, model, close);
    model.startTimedPass();
    int n = inputs.size();
    long[] pre = new long[n];
    long[] mod = new long[n];
    long[] e2e = new long[n];
    long[] gc = new long[n];
    long[] jit = new long[n];
    GcCounter gcCounter = new GcCounter();
    // What the warm-up left on the heap is collected here, not inside a timed item.
    System.gc();
    long gcBefore = gcCounter.collections();
    long gcMillisBefore = gcCounter.millis();
    long jitBefore = jitMillis.getAsLong();
    long wallStart = System.nanoTime();
    for (int i = 0; i < n; i++) {
      I raw = inputs.get(i);
      long t0 = System.nanoTime();
      T x = preprocess.apply(raw);
      long t1 = System.nanoTime();
      model.infer(x);
      long t2 = System.nanoTime();
      pre[i] = t1 - t0;
      mod[i] = t2 - t1;
      e2e[i] = t2 - t0;
      closeIfResource(x, close);
      long gcNow = gcCounter.collections();
      gc[i] = gcNow - gcBefore;
      gcBefore = gcNow;
      long jitNow = jitMillis.getAsLong();
      jit[i] = jitNow - jitBefore;
      jitBefore = jitNow;
    }
    long wall = System.nanoTime() - wallStart;
    return new LatencyRun(
        warmedUp, pre, mod, e2e, wall, gc, gcCounter.millis() - gcMillisBefore, jit);
  }

  /** Runs the warm-up (see the class comment); returns how many items it took. */
  private <I, T> int warmUp(
      List<I> inputs,
      Function<? super I, ? extends T> preprocess,
      InferenceStep<? super T> model,
      boolean close) {
    int i = 0;
    for (; i < warmupItems; i++) once(inputs.get(i % inputs.size()), preprocess, model, close);
    if (warmupItems == 0) return 0;
    long deadline = System.nanoTime() + maxExtraWarmupNanos;
    while (System.nanoTime() < deadline) {
      long jit0 = jitMillis.getAsLong();
      long t0 = System.nanoTime();
      int items = 0;
      while (items < QUIET_WINDOW_ITEMS
          || System.nanoTime() - t0 < QUIET_WINDOW_MILLIS * 1_000_000L) {
        once(inputs.get(i++ % inputs.size()), preprocess, model, close);
        items++;
      }
      double windowMillis = (System.nanoTime() - t0) / 1e6;
      if (jitMillis.getAsLong() - jit0 <= windowMillis * QUIET_SHARE_PERCENT / 100) break;
    }
    return i;
  }

  private static <I, T> void once(
      I raw,
      Function<? super I, ? extends T> preprocess,
      InferenceStep<? super T> model,
      boolean close) {
    T x = preprocess.apply(raw);
    model.infer(x);
    closeIfResource(x, close);
  }

  private static void closeIfResource(Object x, boolean close) {
    if (close && x instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing a preprocessed input failed", e);
      }
    }
  }
}
