package dev.dawn.reporters.latency;

import dev.dawn.reporters.events.InferenceVariantResult.MachineTail;
import java.util.Arrays;

/**
 * Summarises a pass of images each followed by fixed work into {@link MachineTail}: how wide the
 * machine's own tail was at the moments the model ran, and whether the model's slow images were the
 * machine's slow moments.
 */
public final class MachineTailSummary {
  /** Slow: above this multiple of the median, the tail an idle machine should stay within. */
  public static final double SLOW = 1.3;

  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private MachineTailSummary() {}

  /**
   * @param modelNanos per image: the model call
   * @param memoryNanos per image: the pass over memory right after it
   * @param workingSetBytes what the memory work swept
   */
  public static MachineTail of(long[] modelNanos, long[] memoryNanos, long workingSetBytes) {
    int n = modelNanos.length;
    if (n == 0 || memoryNanos.length != n)
      throw new IllegalArgumentException(
          "one memory pass per image, at least one image: got "
              + n
              + " images and "
              + memoryNanos.length
              + " passes");
    LatencyStats model = LatencyStats.of(modelNanos);
    LatencyStats memory = LatencyStats.of(memoryNanos);
    double[] beside = new double[n];
    boolean[] slowBeside = new boolean[n];
    double slowMemory = SLOW * memory.p50Nanos();
    for (int i = 0; i < n; i++) {
      long after = memoryNanos[i];
      long before = i == 0 ? after : memoryNanos[i - 1];
      beside[i] = (before + after) / 2.0;
      slowBeside[i] = before > slowMemory || after > slowMemory;
    }
    double[] ratio = new double[n];
    for (int i = 0; i < n; i++) ratio[i] = modelNanos[i] / beside[i];
    Arrays.sort(ratio);
    double slowModel = SLOW * model.p50Nanos();
    int slow = 0;
    int slowWithSlowBeside = 0;
    int withSlowBeside = 0;
    for (int i = 0; i < n; i++) {
      if (slowBeside[i]) withSlowBeside++;
      if (modelNanos[i] > slowModel) {
        slow++;
        if (slowBeside[i]) slowWithSlowBeside++;
      }
    }
    return new MachineTail(
        n,
        workingSetBytes / BYTES_PER_MIB,
        model.p50Ms(),
        model.p99Ms(),
        memory.p50Ms(),
        memory.p99Ms(),
        NearestRank.ofSorted(ratio, 0.99) / NearestRank.ofSorted(ratio, 0.50),
        correlation(modelNanos, beside),
        slow,
        slowWithSlowBeside,
        withSlowBeside);
  }

  /** Pearson's r; 0 when either side does not vary. */
  static double correlation(long[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }
}
