package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.compare.ComparisonText;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.EvaluationPoint;
import dev.dawn.reporters.stats.SampleSummary;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * How the report writes each quantity, so that a run's time, epochs and accuracy read the same in
 * every table: training time as DAWNBench's {@code H:MM:SS} (seconds rounded up), epochs with at
 * most three decimals, accuracy and images/s with fixed decimals, and a median with its interval.
 */
final class ReportFigures {
  static final String NOT_REACHED = ComparisonText.NOT_REACHED;

  private ReportFigures() {}

  /** Training hours as {@code H:MM:SS} (DAWNBench); "not reached" when infinite. */
  static String hours(double hours) {
    return Double.isFinite(hours) ? LeaderboardFigures.duration(hours) : NOT_REACHED;
  }

  /** Training seconds as {@code H:MM:SS}; "not reached" when infinite. */
  static String seconds(double seconds) {
    return hours(seconds / 3600);
  }

  /** Epochs trained, e.g. {@code 8.756}; "not reached" when infinite. */
  static String epochs(double epochs) {
    return Double.isFinite(epochs) ? EvaluationPoint.epochLabel(epochs) : NOT_REACHED;
  }

  /** Percent with two decimals and the sign, e.g. {@code 94.00%}. */
  static String percent(double percent) {
    return String.format(Locale.ROOT, "%.2f%%", percent);
  }

  /** A change in points with its sign, e.g. {@code -8.34}. */
  static String points(double change) {
    return Double.isNaN(change) ? "" : String.format(Locale.ROOT, "%+.2f", change);
  }

  /** A rate with one decimal. */
  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f", perSecond);
  }

  /** A number with {@code decimals} decimals. */
  static String fixed(double x, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }

  /**
   * HTML: the median and, below it when there are two runs or more and it is not "not reached"
   * whole, its 95% bootstrap interval ({@code 0:02:36} over {@code 0:02:28-0:02:52}); empty for no
   * summary.
   */
  static String medianHtml(SampleSummary s, DoubleFunction<String> format) {
    if (s == null) {
      return "";
    }
    String m = escape(format.apply(s.median()));
    boolean unbounded = !Double.isFinite(s.interval().low());
    if (s.n() < 2 || unbounded) {
      return m;
    }
    return m
        + "<small>"
        + escape(format.apply(s.interval().low()))
        + "\u2013"
        + escape(format.apply(s.interval().high()))
        + "</small>";
  }
}
