package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibrates a hardware file's free parameters (its {@code fit.parameters}, at most two) on its
 * {@code fit.entries}: the values that minimise the sum over those entries of log(projected /
 * published)^2, found by a grid over [0.01, 2] (log-spaced) refined twice around the best point.
 * Values the file's rules refuse are skipped.
 */
public final class ParameterFit {
  private static final double LOW = 0.01;
  private static final double HIGH = 2.0;
  private static final int POINTS = 41;

  /**
   * The fitted values, in {@code fit.parameters} order, and the check rows they give on the fitted
   * entries.
   */
  public record Result(
      String hardware, Map<String, Double> values, List<PublishedCheck.Row> rows) {}

  private final PublishedCheck check;
  private final List<Long> gradientElements;

  public ParameterFit(PublishedCheck check, List<Long> gradientElements) {
    this.check = check;
    this.gradientElements = gradientElements;
  }

  public Result fit(String hardwareName, HardwareFile file) {
    List<String> params = file.spec().fit().parameters();
    List<PublishedEntry> entries =
        PublishedEntry.MULTI_MACHINE.stream()
            .filter(e -> file.spec().fit().entries().contains(e.file()))
            .toList();
    if (params.isEmpty() || entries.isEmpty()) {
      throw new IllegalArgumentException(
          file.source() + ": fit.parameters and fit.entries must both name something to fit");
    }
    double[] lo = new double[params.size()];
    double[] hi = new double[params.size()];
    java.util.Arrays.fill(lo, LOW);
    java.util.Arrays.fill(hi, HIGH);
    double[] best = null;
    for (int round = 0; round < 3; round++) {
      double bestCost = Double.POSITIVE_INFINITY;
      double[] roundBest = null;
      List<double[]> grid = grid(lo, hi);
      for (double[] point : grid) {
        double cost = cost(file, params, point, entries);
        if (cost < bestCost) {
          bestCost = cost;
          roundBest = point;
        }
      }
      if (roundBest == null)
        throw new IllegalArgumentException(
            file.source() + ": no valid value of " + params + " in [0.01, 2]");
      best = roundBest;
      for (int i = 0; i < params.size(); i++) {
        double step = Math.pow(hi[i] / lo[i], 1.0 / (POINTS - 1));
        lo[i] = best[i] / step;
        hi[i] = best[i] * step;
      }
    }
    HardwareFile fitted = apply(file, params, best);
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) values.put(params.get(i), best[i]);
    return new Result(hardwareName, values, check.run(entries, gradientElements, name -> fitted));
  }

  private double cost(
      HardwareFile file, List<String> params, double[] point, List<PublishedEntry> entries) {
    HardwareFile candidate;
    try {
      candidate = apply(file, params, point);
    } catch (HardwareFileException outOfRange) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    for (PublishedEntry e : entries) {
      PublishedCheck.Row row = check.project(e, gradientElements, candidate);
      double err = Math.log(row.projectedHours() / row.publishedHours());
      sum += err * err;
    }
    return sum;
  }

  private static HardwareFile apply(HardwareFile file, List<String> params, double[] point) {
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) overrides.add(params.get(i) + "=" + point[i]);
    return file.with(overrides);
  }

  private static List<double[]> grid(double[] lo, double[] hi) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[0]);
    for (int d = 0; d < lo.length; d++) {
      List<double[]> next = new ArrayList<>();
      for (double[] prefix : out) {
        for (int k = 0; k < POINTS; k++) {
          double v = lo[d] * Math.pow(hi[d] / lo[d], (double) k / (POINTS - 1));
          double[] p = java.util.Arrays.copyOf(prefix, d + 1);
          p[d] = v;
          next.add(p);
        }
      }
      out = next;
    }
    return out;
  }
}
