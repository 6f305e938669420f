package dev.dawn.reporters.compare;

import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.stats.MannWhitneyU;
import dev.dawn.reporters.stats.RatioBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RunComparison} in words: the table and sentences {@code dawn compare} prints, and the
 * per-metric verdicts the HTML report quotes. Presentation only; the figures come from the
 * comparison.
 */
public final class ComparisonText {
  /** What a time or an epoch count of a run (or median) that missed the target reads as. */
  public static final String NOT_REACHED = "not reached";

  private ComparisonText() {}

  /** The comparison as text for a terminal ({@code dawn compare}). */
  public static String render(RunComparison c) {
    ComparedRun ref = c.a().get(0);
    String phrase = c.target().phrase();
    StringBuilder out = new StringBuilder();
    out.append(side("A", c.labelA(), c.a(), phrase)).append(side("B", c.labelB(), c.b(), phrase));
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
    for (MetricComparison m : c.metrics()) {
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
            c.target().metricName(),
            RatioBootstrap.DEFAULT_RESAMPLES,
            RatioBootstrap.DEFAULT_SEED,
            MannWhitneyU.EXACT_MAX_N,
            MetricComparison.ALPHA));
    verdicts(c).forEach(v -> out.append(v).append('\n'));
    return out.toString();
  }

  /** The plain-language verdict on each compared metric, in metric order. */
  public static List<String> verdicts(RunComparison c) {
    return c.metrics().stream()
        .map(m -> sentence(m, c.target().phrase(), c.target().metricName()))
        .toList();
  }

  private static String side(String name, String label, List<ComparedRun> runs, String phrase) {
    long reached = RunComparison.reached(runs);
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
   * Why no difference can show, when the run counts cannot give a p below the level: {@code With 3
   * and 3 runs the smallest possible p is 0.100; add repeats.}; empty when they can.
   */
  public static java.util.Optional<String> floorNote(MetricComparison m) {
    double floor = MannWhitneyU.smallestExactP(m.a().length, m.b().length);
    if (m.differenceDetected() || floor < MetricComparison.ALPHA) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "With "
            + m.a().length
            + " and "
            + m.b().length
            + " runs the smallest possible p is "
            + p(floor)
            + "; add repeats.");
  }

  /**
   * The plain-language verdict on one metric, with the {@link #floorNote} when it applies; {@code
   * phrase} is the target ("93% top-5"), {@code metricName} its metric ("top-5").
   */
  static String sentence(MetricComparison m, String phrase, String metricName) {
    String core = core(m, phrase, metricName);
    return floorNote(m).map(note -> core + " " + note).orElse(core);
  }

  /** The verdict on one metric without the {@link #floorNote} (for a table that says it once). */
  public static String verdict(RunComparison c, MetricComparison m) {
    return core(m, c.target().phrase(), c.target().metricName());
  }

  private static String core(MetricComparison m, String phrase, String metricName) {
    String runs =
        m.a().length == m.b().length
            ? runs(m.a().length) + " each"
            : runs(m.a().length) + " of A and " + m.b().length + " of B";
    double f = m.factor().ratio();
    String ci = "95% CI " + interval(m);
    String ciInverted =
        "95% CI " + factor(1 / m.factor().high()) + "-" + factor(1 / m.factor().low());
    if (!m.differenceDetected()) {
      // A factor of 0 or infinity is one side reaching the target and the other not: say that.
      boolean oneSideMissed = (Double.isInfinite(f) || f == 0) && m.metric().lowerIsBetter();
      String s =
          capital(m.metric().label())
              + ": no difference detectable with "
              + runs
              + " ("
              + (oneSideMissed
                  ? onlyOneReaches(f > 1, phrase, "")
                  : "B vs A " + factor(f) + "x, " + ci)
              + ", p = "
              + p(m.test().p())
              + ").";
      return s;
    }
    boolean better = f > 1;
    return switch (m.metric()) {
      case TIME_TO_TARGET ->
          Double.isInfinite(f) || f == 0
              ? onlyOneReaches(better, phrase, "") + ", " + runs + " (p = " + p(m.test().p()) + ")."
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
              ? onlyOneReaches(better, phrase, " within its epochs") + ", " + runs + "."
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

  /** {@code B's median run reaches 93% top-5, A's does not} (or A's and B's swapped). */
  private static String onlyOneReaches(boolean bReaches, String phrase, String within) {
    return (bReaches ? "B" : "A")
        + "'s median run reaches "
        + phrase
        + within
        + ", "
        + (bReaches ? "A" : "B")
        + "'s does not";
  }

  /** The bootstrap interval; none when a side has one run (every resample is that run). */
  public static String interval(MetricComparison m) {
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

  /** A median of a metric for people: H:MM:SS, epochs, images/s or percent; "not reached". */
  public static String value(CompareMetric metric, double v) {
    if (Double.isInfinite(v)) {
      return NOT_REACHED;
    }
    return switch (metric) {
      case TIME_TO_TARGET -> LeaderboardFigures.duration(v / 3600);
      case EPOCHS_TO_TARGET -> EvaluationPoint.epochLabel(v); // as the TSV and the report
      case IMAGES_PER_SECOND -> String.format(Locale.ROOT, "%.1f", v);
      case BEST_ACCURACY -> percent(v);
    };
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }

  /** A factor with two decimals; {@code inf} for an infinite one. */
  public static String factor(double f) {
    if (Double.isInfinite(f)) {
      return "inf";
    }
    return String.format(Locale.ROOT, "%.2f", f);
  }

  /** A p-value: three decimals, or scientific below 0.001. */
  public static String p(double p) {
    return p < 0.001
        ? String.format(Locale.ROOT, "%.1e", p)
        : String.format(Locale.ROOT, "%.3f", p);
  }
}
