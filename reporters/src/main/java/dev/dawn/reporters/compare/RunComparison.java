package dev.dawn.reporters.compare;

import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.stats.MannWhitneyU;
import dev.dawn.reporters.stats.RatioBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Two sets of runs compared on time to target, epochs to target, images/s and the best accuracy
 * evaluated (which still tells recipes apart when both miss the target): medians, B-versus-A factor
 * with a bootstrap interval, Mann-Whitney p-value and one plain sentence per metric.
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

  /** The comparison as text for a terminal. */
  public String render() {
    ComparedRun ref = a.get(0);
    String phrase = ref.targetPhrase();
    StringBuilder out = new StringBuilder();
    out.append(side("A", labelA, a, phrase)).append(side("B", labelB, b, phrase));
    out.append("task: ")
        .append(ref.taskName())
        .append("; target ")
        .append(ref.target())
        .append("; data: ");
    List<String> data = new ArrayList<>();
    for (Map.Entry<String, String> e : ref.data().entrySet()) {
      data.add(e.getKey() + " " + e.getValue());
    }
    out.append(String.join(", ", data)).append('\n').append('\n');

    String format = "%-17s %12s %12s %8s %13s  %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "metric",
            "median A",
            "median B",
            "B vs A",
            "95% CI",
            "Mann-Whitney p"));
    for (MetricComparison m : metrics) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              m.metric().label(),
              value(m.metric(), m.medianA()),
              value(m.metric(), m.medianB()),
              factor(m.factor().ratio()) + "x",
              interval(m),
              p(m.test().p()) + (m.test().exact() ? " (exact)" : " (normal approx.)")));
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            """
                B vs A above 1 means B is better: A/B for time and epochs, B/A for images/s and best accuracy.
                Best accuracy: the highest %s of any evaluation of a run, whether or not it reached the target.
                Runs that missed the target count as infinitely slow: they rank behind every run that reached it,
                  and a median that falls on one is "not reached".
                Interval: percentile bootstrap of the ratio of medians, %,d resamples, seed %d (none with 1 run a side).
                p: two-sided Mann-Whitney U, exact (ties at their mid-ranks) with at most %d runs a side, else
                  the normal approximation with tie correction. A difference is reported when p < %s and the interval excludes 1.

                """,
            ref.metricName(),
            RatioBootstrap.DEFAULT_RESAMPLES,
            RatioBootstrap.DEFAULT_SEED,
            MannWhitneyU.EXACT_MAX_N,
            MetricComparison.ALPHA));
    for (MetricComparison m : metrics) {
      out.append(sentence(m, phrase, ref.metricName())).append('\n');
    }
    return out.toString();
  }

  private static String side(String name, String label, List<ComparedRun> runs, String phrase) {
    long reached = runs.stream().filter(ComparedRun::reachedTarget).count();
    StringBuilder s =
        new StringBuilder(
            name
                + ": "
                + runs(runs.size())
                + " ("
                + label
                + "), "
                + reached
                + " reached "
                + phrase);
    List<String> missed =
        runs.stream()
            .filter(r -> !r.reachedTarget())
            .map(r -> r.id() + " " + r.record().status())
            .toList();
    if (!missed.isEmpty()) {
      s.append("; missed: ").append(String.join(", ", missed));
    }
    return s.append('\n').toString();
  }

  /**
   * The plain-language verdict on one metric; {@code phrase} is the target ("93% top-5"), {@code
   * metricName} its metric ("top-5").
   */
  static String sentence(MetricComparison m, String phrase, String metricName) {
    String runs =
        m.a().length == m.b().length
            ? runs(m.a().length) + " each"
            : runs(m.a().length) + " of A and " + m.b().length + " of B";
    double f = m.factor().ratio();
    String ci = "95% CI " + interval(m);
    String ciInverted =
        "95% CI " + factor(1 / m.factor().high()) + "-" + factor(1 / m.factor().low());
    if (!m.differenceDetected()) {
      String s =
          capital(m.metric().label())
              + ": no difference detectable with "
              + runs
              + " (B vs A "
              + factor(f)
              + "x, "
              + ci
              + ", p = "
              + p(m.test().p())
              + ").";
      double floor = MannWhitneyU.smallestExactP(m.a().length, m.b().length);
      if (floor >= MetricComparison.ALPHA) {
        s +=
            " With "
                + m.a().length
                + " and "
                + m.b().length
                + " runs the smallest possible p is "
                + p(floor)
                + "; add repeats.";
      }
      return s;
    }
    boolean better = f > 1;
    return switch (m.metric()) {
      case TIME_TO_TARGET ->
          Double.isInfinite(f) || f == 0
              ? (better ? "B" : "A")
                  + "'s median run reaches "
                  + phrase
                  + ", "
                  + (better ? "A" : "B")
                  + "'s does not, "
                  + runs
                  + " (p = "
                  + p(m.test().p())
                  + ")."
              : "B reaches "
                  + phrase
                  + " "
                  + factor(better ? f : 1 / f)
                  + "x "
                  + (better ? "faster" : "slower")
                  + " than A, "
                  + (better ? ci : ciInverted)
                  + ", "
                  + runs
                  + ".";
      case EPOCHS_TO_TARGET ->
          Double.isInfinite(f) || f == 0
              ? (better ? "B" : "A")
                  + "'s median run reaches "
                  + phrase
                  + " within its epochs, "
                  + (better ? "A" : "B")
                  + "'s does not, "
                  + runs
                  + "."
              : "B needs "
                  + factor(better ? f : 1 / f)
                  + "x "
                  + (better ? "fewer" : "more")
                  + " epochs than A to reach "
                  + phrase
                  + ", "
                  + (better ? ci : ciInverted)
                  + ", "
                  + runs
                  + ".";
      case IMAGES_PER_SECOND ->
          "B trains "
              + factor(better ? f : 1 / f)
              + "x "
              + (better ? "faster" : "slower")
              + " than A in images/s, "
              + (better ? ci : ciInverted)
              + ", "
              + runs
              + ".";
      case BEST_ACCURACY ->
          (better ? "B" : "A")
              + " gets to a higher "
              + metricName
              + " than "
              + (better ? "A" : "B")
              + ": median best "
              + percent(better ? m.medianB() : m.medianA())
              + " against "
              + percent(better ? m.medianA() : m.medianB())
              + " (B vs A "
              + factor(f)
              + "x, "
              + ci
              + ", "
              + runs
              + ").";
    };
  }

  /** The bootstrap interval; none when a side has one run (every resample is that run). */
  private static String interval(MetricComparison m) {
    if (Math.min(m.a().length, m.b().length) < 2) {
      return "n/a";
    }
    return factor(m.factor().low()) + "-" + factor(m.factor().high());
  }

  private static String runs(int n) {
    return n + (n == 1 ? " run" : " runs");
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String value(CompareMetric metric, double v) {
    if (Double.isInfinite(v)) {
      return "not reached";
    }
    return switch (metric) {
      case TIME_TO_TARGET -> LeaderboardFigures.duration(v / 3600);
      case EPOCHS_TO_TARGET ->
          v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
      case IMAGES_PER_SECOND -> String.format(Locale.ROOT, "%.1f", v);
      case BEST_ACCURACY -> percent(v);
    };
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }

  static String factor(double f) {
    if (Double.isInfinite(f)) {
      return "inf";
    }
    return String.format(Locale.ROOT, "%.2f", f);
  }

  private static String p(double p) {
    return p < 0.001
        ? String.format(Locale.ROOT, "%.1e", p)
        : String.format(Locale.ROOT, "%.3f", p);
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
