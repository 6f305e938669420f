package dev.dawn.workloads.inference;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * The tail the machine gives any job: passes of fixed work split over as many threads as the model
 * uses, each about as long as a model pass, timed the way the model is (the calling thread waits
 * while the workers compute). A pass is as slow as its slowest thread, and nothing in it varies
 * from pass to pass but the machine: no allocation, no JNI.
 *
 * <p>Two kinds of work, because a machine can be slow in two ways. {@linkplain #inRegisters In
 * registers}, a dependent chain of multiply-adds per thread, touches no memory: it slows only when
 * a core is taken from it (another process, the kernel, the hypervisor). {@linkplain #overMemory
 * Over memory}, a multiply-add over every element of a working set, sweeping it again and again the
 * way a model streams its weights for each image: it also slows when the caches and memory it
 * shares with the machine's other tenants do.
 */
public final class FixedWorkPasses implements AutoCloseable {
  private static final long FIRST_CALIBRATION_ITERATIONS = 20_000;
  private static final long MIN_CALIBRATION_NANOS = 2_000_000;
  private static final int SETTLING_PASSES = 20;
  private static final int CALIBRATION_PASSES = 5;

  private final Thread[] workers;
  private final CyclicBarrier start;
  private final CyclicBarrier done;
  private final long workingSetBytes;
  // Per pass and thread: multiply-adds in the chain, or elements swept.
  private volatile long iterations;
  private volatile boolean stopping;
  // Written after every pass so that the JIT cannot drop the arithmetic.
  private volatile double sink;

  private FixedWorkPasses(int threads, long workingSetBytes) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    if (workingSetBytes < 0)
      throw new IllegalArgumentException("workingSetBytes must be >= 0, got " + workingSetBytes);
    long floatsPerThread = workingSetBytes / Float.BYTES / threads;
    if (floatsPerThread > Integer.MAX_VALUE - 8)
      throw new IllegalArgumentException(
          "workingSetBytes " + workingSetBytes + " over " + threads + " threads is too large");
    this.workingSetBytes = workingSetBytes;
    this.workers = new Thread[threads];
    this.start = new CyclicBarrier(threads + 1);
    this.done = new CyclicBarrier(threads + 1);
    for (int i = 0; i < threads; i++) {
      Runnable work =
          workingSetBytes == 0 ? this::chainInRegisters : () -> sweep((int) floatsPerThread);
      workers[i] = new Thread(work, "fixed-work-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  /**
   * Passes of a multiply-add chain in registers on {@code threads} threads, calibrated to take
   * about {@code passNanos} each. Close it to stop its threads.
   */
  public static FixedWorkPasses inRegisters(int threads, long passNanos) {
    return calibrated(new FixedWorkPasses(threads, 0), passNanos);
  }

  /**
   * Passes over a working set of {@code workingSetBytes} (split between {@code threads} threads),
   * calibrated to take about {@code passNanos} each. Close it to stop its threads.
   */
  public static FixedWorkPasses overMemory(int threads, long workingSetBytes, long passNanos) {
    if (workingSetBytes < 1)
      throw new IllegalArgumentException("workingSetBytes must be > 0, got " + workingSetBytes);
    return calibrated(new FixedWorkPasses(threads, workingSetBytes), passNanos);
  }

  /**
   * Times {@code passes} passes of work in registers on {@code threads} threads, each calibrated to
   * take about {@code passNanos}; returns each pass's nanoseconds in order.
   */
  public static long[] time(int threads, long passNanos, int passes) {
    if (passes < 1) throw new IllegalArgumentException("passes must be >= 1, got " + passes);
    try (FixedWorkPasses p = inRegisters(threads, passNanos)) {
      long[] nanos = new long[passes];
      for (int i = 0; i < passes; i++) nanos[i] = p.pass();
      return nanos;
    }
  }

  /** Thread count the model's intra-op setting stands for (0: TensorFlow's default, every CPU). */
  public static int threadsFor(int intraOp) {
    return intraOp > 0 ? intraOp : Runtime.getRuntime().availableProcessors();
  }

  /** Bytes the passes sweep; 0 for work in registers. */
  public long workingSetBytes() {
    return workingSetBytes;
  }

  /** Runs one pass on every thread; returns its nanoseconds, from start to the last thread done. */
  public long pass() {
    long t0 = System.nanoTime();
    await(start);
    await(done);
    return System.nanoTime() - t0;
  }

  private static FixedWorkPasses calibrated(FixedWorkPasses p, long passNanos) {
    if (passNanos < 1) {
      p.close();
      throw new IllegalArgumentException("passNanos must be > 0, got " + passNanos);
    }
    p.calibrate(passNanos);
    return p;
  }

  /**
   * Grows the work until a pass takes long enough to time and runs it a while (so the JIT has
   * compiled the loop), then scales it to {@code passNanos} by the median of a few passes, twice:
   * the second time on passes about as long as the target.
   */
  private void calibrate(long passNanos) {
    iterations = FIRST_CALIBRATION_ITERATIONS;
    while (pass() < MIN_CALIBRATION_NANOS) iterations *= 2;
    for (int i = 0; i < SETTLING_PASSES; i++) pass();
    for (int round = 0; round < 2; round++) {
      long[] t = new long[CALIBRATION_PASSES];
      for (int i = 0; i < t.length; i++) t[i] = pass();
      Arrays.sort(t);
      long median = t[t.length / 2];
      iterations = Math.max(1, (long) ((double) iterations * passNanos / median));
    }
  }

  private void chainInRegisters() {
    double x = 1.0;
    while (true) {
      await(start);
      if (stopping) return;
      long n = iterations;
      for (long i = 0; i < n; i++) x = x * 1.0000001 + 1e-9;
      sink = x;
      await(done);
    }
  }

  /**
   * Each pass goes on where the last one stopped, so the whole working set is swept in turn
   * whatever the pass length. The values tend to 1: never denormal, never infinite.
   */
  private void sweep(int floats) {
    // Allocated (and so touched) by the thread that sweeps it.
    float[] a = new float[Math.max(1, floats)];
    int at = 0;
    while (true) {
      await(start);
      if (stopping) return;
      long left = iterations;
      while (left > 0) {
        int end = (int) Math.min(a.length, at + left);
        for (int i = at; i < end; i++) a[i] = a[i] * 0.999f + 0.001f;
        left -= end - at;
        at = end == a.length ? 0 : end;
      }
      sink = a[at];
      await(done);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fixed-work pass interrupted", e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException("fixed-work pass broken: a worker failed", e);
    }
  }

  @Override
  public void close() {
    stopping = true;
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException e) {
      // the workers are gone already
    }
    for (Thread w : workers) {
      try {
        w.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
