package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The search every fit of the projection uses: a grid of 41 values per parameter over the range a
 * parameter of its kind may take, refined twice around the best point (each refinement spans one
 * step of the grid before it on either side). Efficiencies and times are searched on a log scale (a
 * factor matters, not a difference); a share such as {@code communication.overlap} on a linear one,
 * from 0.
 */
final class FitGrid {
  private static final int POINTS = 41;
  private static final int ROUNDS = 3;

  private FitGrid() {}

  /** Where a parameter is searched. */
  record Span(double low, double high, boolean log) {
    double at(int k, int points) {
      double t = (double) k / (points - 1);
      return log ? low * Math.pow(high / low, t) : low + (high - low) * t;
    }

    /** The span one grid step either side of {@code v}, inside this one. */
    Span around(double v, int points) {
      if (log) {
        double step = Math.pow(high / low, 1.0 / (points - 1));
        return new Span(v / step, v * step, true);
      }
      double step = (high - low) / (points - 1);
      return new Span(Math.max(0, v - step), v + step, false);
    }
  }

  /**
   * The span of a parameter by its key: a latency (seconds per message) from 1 us to 0.1 s, a share
   * ({@code overlap}) from 0 to 1, every other parameter (an efficiency) from 0.01 to 2.
   */
  static Span span(String key) {
    if (key.endsWith("latencySeconds")) return new Span(1e-6, 0.1, true);
    if (key.endsWith("overlap")) return new Span(0, 1, false);
    return new Span(0.01, 2.0, true);
  }

  /**
   * The point of the grid with the least {@code cost} (infinite where a value is refused).
   *
   * @param what the files fitted, for the message when no point is valid
   */
  static double[] minimise(List<String> params, ToDoubleFunction<double[]> cost, String what) {
    Span[] spans = params.stream().map(FitGrid::span).toArray(Span[]::new);
    double[] best = null;
    for (int round = 0; round < ROUNDS; round++) {
      double bestCost = Double.POSITIVE_INFINITY;
      double[] roundBest = null;
      for (double[] point : grid(spans)) {
        double c = cost.applyAsDouble(point);
        if (c < bestCost) {
          bestCost = c;
          roundBest = point;
        }
      }
      if (roundBest == null)
        throw new IllegalArgumentException(what + ": no valid value of " + params + " to fit");
      best = roundBest;
      for (int i = 0; i < spans.length; i++) spans[i] = spans[i].around(best[i], POINTS);
    }
    return best;
  }

  private static List<double[]> grid(Span[] spans) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[0]);
    for (int d = 0; d < spans.length; d++) {
      List<double[]> next = new ArrayList<>();
      for (double[] prefix : out) {
        for (int k = 0; k < POINTS; k++) {
          double[] p = Arrays.copyOf(prefix, d + 1);
          p[d] = spans[d].at(k, POINTS);
          next.add(p);
        }
      }
      out = next;
    }
    return out;
  }
}
