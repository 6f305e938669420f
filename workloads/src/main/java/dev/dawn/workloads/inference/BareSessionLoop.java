package dev.dawn.workloads.inference;

import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/**
 * The reference the harness is checked against: a tight loop of {@code Session.run} on one tensor
 * already in memory, with nothing else in the loop. The harness's FP32 model-only latency should be
 * within a few percent of this.
 */
public final class BareSessionLoop {
  private BareSessionLoop() {}

  /** Per-run nanoseconds of {@code iterations} runs after {@code warmup} untimed ones. */
  public static long[] time(
      Session session, Operand<?> input, Tensor x, Operand<?> output, int warmup, int iterations) {
    if (warmup < 0 || iterations < 1) {
      throw new IllegalArgumentException(
          "bare loop needs warmup >= 0 and iterations >= 1, got " + warmup + "/" + iterations);
    }
    for (int i = 0; i < warmup; i++) {
      try (Result r = session.runner().feed(input, x).fetch(output).run()) {
        // untimed
      }
    }
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      try (Result r = session.runner().feed(input, x).fetch(output).run()) {
        // timed together with closing the result, exactly like SessionStep
      }
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }
}
