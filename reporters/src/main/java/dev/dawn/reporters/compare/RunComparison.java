package dev.dawn.reporters.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two sets of runs compared on time to target, epochs to target, images/s and the best accuracy
 * evaluated (which still tells recipes apart when both miss the target): medians, B-versus-A factor
 * with a bootstrap interval and Mann-Whitney p-value ({@link ComparisonText} puts them in words).
 *
 * @param labelA where side A's runs came from (as the user named them)
 * @param a side A's runs
 * @param labelB the same for B
 * @param b side B's runs
 * @param metrics one comparison per metric that both sides have values for
 */
public record RunComparison(
    String labelA,
    List<ComparedRun> a,
    String labelB,
    List<ComparedRun> b,
    List<MetricComparison> metrics) {

  public RunComparison {
    a = List.copyOf(a);
    b = List.copyOf(b);
    metrics = List.copyOf(metrics);
  }

  /** Compares the sides; throws {@link NotComparableException} when task, target or data differ. */
  public static RunComparison of(
      String labelA, List<ComparedRun> a, String labelB, List<ComparedRun> b) {
    if (a.isEmpty() || b.isEmpty()) {
      throw new IllegalArgumentException((a.isEmpty() ? labelA : labelB) + ": no runs to compare");
    }
    Comparability.problem(a, b)
        .ifPresent(
            p -> {
              throw new NotComparableException("cannot compare: " + p);
            });
    List<MetricComparison> metrics = new ArrayList<>();
    for (CompareMetric m : CompareMetric.values()) {
      MetricComparison c = MetricComparison.of(m, a, b);
      if (c != null) {
        metrics.add(c);
      }
    }
    return new RunComparison(labelA, a, labelB, b, metrics);
  }

  /** The target both sides trained toward (they are comparable, so it is A's first run's). */
  public dev.dawn.reporters.dawnbench.AccuracyTarget target() {
    return a.get(0).target();
  }

  /** The comparison of one metric; empty when a side has no value for it. */
  public java.util.Optional<MetricComparison> metric(CompareMetric metric) {
    return metrics.stream().filter(m -> m.metric() == metric).findFirst();
  }

  /** Runs of a side that reached the target. */
  public static long reached(List<ComparedRun> side) {
    return side.stream().filter(ComparedRun::reachedTarget).count();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunComparison c
        && labelA.equals(c.labelA)
        && labelB.equals(c.labelB)
        && metrics.equals(c.metrics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(labelA, labelB, metrics);
  }
}
