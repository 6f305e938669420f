package dev.dawn.workloads.inference;

import java.util.Arrays;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * The tail the machine gives any job: passes of fixed arithmetic split over as many threads as the
 * model uses, each about as long as a model pass, timed the way the model is (the calling thread
 * waits while the workers compute). A pass is as slow as its slowest thread, so a core taken by
 * another process, the kernel or the hypervisor during part of a pass slows that pass whatever it
 * computes: the p99/p50 of these passes, measured right after the model's in the same process, is
 * the floor under the model's p99/p50 on this machine at that time.
 *
 * <p>The work is a dependent chain of multiply-adds in registers per thread: no memory traffic, no
 * allocation, no JNI, nothing that varies from pass to pass but the machine.
 */
public final class FixedWorkPasses implements AutoCloseable {
  private static final long FIRST_CALIBRATION_ITERATIONS = 20_000;
  private static final long MIN_CALIBRATION_NANOS = 2_000_000;
  private static final int SETTLING_PASSES = 20;
  private static final int CALIBRATION_PASSES = 5;

  private final Thread[] workers;
  private final CyclicBarrier start;
  private final CyclicBarrier done;
  private volatile long iterations;
  private volatile boolean stopping;
  // Written after every pass so that the JIT cannot drop the arithmetic.
  private volatile double sink;

  private FixedWorkPasses(int threads) {
    this.workers = new Thread[threads];
    this.start = new CyclicBarrier(threads + 1);
    this.done = new CyclicBarrier(threads + 1);
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(this::work, "fixed-work-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  /**
   * Times {@code passes} passes of fixed work on {@code threads} threads, each calibrated to take
   * about {@code passNanos}; returns each pass's nanoseconds in order.
   */
  public static long[] time(int threads, long passNanos, int passes) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    if (passNanos < 1)
      throw new IllegalArgumentException("passNanos must be > 0, got " + passNanos);
    if (passes < 1) throw new IllegalArgumentException("passes must be >= 1, got " + passes);
    try (FixedWorkPasses p = new FixedWorkPasses(threads)) {
      p.calibrate(passNanos);
      long[] nanos = new long[passes];
      for (int i = 0; i < passes; i++) nanos[i] = p.pass();
      return nanos;
    }
  }

  /** Thread count the model's intra-op setting stands for (0: TensorFlow's default, every CPU). */
  public static int threadsFor(int intraOp) {
    return intraOp > 0 ? intraOp : Runtime.getRuntime().availableProcessors();
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

  private long pass() {
    long t0 = System.nanoTime();
    await(start);
    await(done);
    return System.nanoTime() - t0;
  }

  private void work() {
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
