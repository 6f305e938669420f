package dev.dawn.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times several steps side by side in one process: each is called {@value #WARMUP_CALLS} times
 * first, then in every round each step runs in turn, repeatedly for an equal share of the round's
 * time, so that load from other processes hits them alike. Each turn starts with one untimed call
 * (the step's caches and threads are cold after the other steps ran) and times at least {@value
 * #MIN_TIMED_CALLS_PER_TURN} calls, however short the turn. A step's figure is the median over the
 * rounds of its mean time per call (per operation, for a call doing several). Not JMH (no forks, a
 * short warm-up): quick figures printed next to the full benchmarks of {@code make jmh}.
 */
final class AlternatingRounds {
  static final int WARMUP_CALLS = 5;
  static final int MIN_TIMED_CALLS_PER_TURN = 3;
  private static final int MAX_CALLS_PER_TURN = 10_000;

  private record Step(Runnable call, int operationsPerCall) {}

  private final Map<String, Step> steps = new LinkedHashMap<>();

  /** Adds a step; rounds run the steps in the order added. */
  AlternatingRounds add(String name, Runnable call) {
    return add(name, call, 1);
  }

  AlternatingRounds add(String name, Runnable call, int operationsPerCall) {
    if (steps.putIfAbsent(name, new Step(call, operationsPerCall)) != null) {
      throw new IllegalArgumentException("step " + name + " added twice");
    }
    return this;
  }

  /**
   * @return each step's median ms per operation, by name, in the order added
   */
  Map<String, Double> run(int rounds, long msPerRound) {
    long turnNanos = msPerRound * 1_000_000L / steps.size();
    Map<String, double[]> ms = new LinkedHashMap<>();
    steps.forEach((name, step) -> ms.put(name, new double[rounds]));
    for (Step step : steps.values()) {
      for (int i = 0; i < WARMUP_CALLS; i++) step.call.run();
    }
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Step> e : steps.entrySet()) {
        Step step = e.getValue();
        step.call.run();
        int calls = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
          step.call.run();
          calls++;
          elapsed = System.nanoTime() - t0;
        } while ((elapsed < turnNanos || calls < MIN_TIMED_CALLS_PER_TURN)
            && calls < MAX_CALLS_PER_TURN);
        ms.get(e.getKey())[r] = elapsed / 1e6 / calls / step.operationsPerCall;
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    ms.forEach((name, perRound) -> medians.put(name, median(perRound)));
    return medians;
  }

  /** The median of per-round figures (mean of the middle two for an even count). */
  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
