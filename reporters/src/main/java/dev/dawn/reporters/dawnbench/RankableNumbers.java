package dev.dawn.reporters.dawnbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numbers a leaderboard ranks by must be real amounts: {@code costPerHour}, {@code latency} and
 * {@code cost}, when present and not {@code null}, are finite JSON numbers, never negative, and
 * {@code latency} is above zero. The entries CI does not check this (Python reads {@code 1e400} as
 * infinity), but such a value cannot be ranked: {@code -5} would come first, infinity cannot be
 * displayed. {@code dawn validate} and {@code dawn leaderboard} both apply this rule, through
 * {@link SubmissionValidator#validate(Submission)}; so does the training time, the hours of the
 * first TSV row that reaches the threshold.
 */
public final class RankableNumbers {
  private RankableNumbers() {}

  public static List<Problem> problems(Submission s) {
    List<Problem> problems = new ArrayList<>();
    check(s, "costPerHour", false, problems);
    if (s.task() == Task.INFERENCE) {
      check(s, "latency", true, problems);
      check(s, "cost", false, problems);
    }
    return problems;
  }

  /**
   * The training time a table ranks by (hours of the first TSV row reaching the threshold): finite,
   * not negative.
   */
  public static Optional<Problem> hoursToThreshold(Path tsv, double hours) {
    if (Double.isFinite(hours) && hours >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            tsv,
            "hours",
            "the row reaching the threshold must have a finite, non-negative"
                + " number of hours (cannot be ranked), found "
                + hours));
  }

  private static void check(Submission s, String field, boolean positive, List<Problem> problems) {
    JsonNode v = s.root().get(field);
    if (v == null || v.isNull()) {
      return;
    }
    String found = ", found " + v;
    if (!v.isNumber()) {
      problems.add(new Problem(s.file(), field, "must be a number" + found));
      return;
    }
    double x = v.asDouble();
    if (!Double.isFinite(x)) {
      problems.add(
          new Problem(s.file(), field, "must be a finite number (cannot be ranked)" + found));
    } else if (positive ? !(x > 0) : x < 0) {
      problems.add(
          new Problem(
              s.file(),
              field,
              (positive ? "must be above zero" : "must not be negative")
                  + " (cannot be ranked)"
                  + found));
    }
  }
}
