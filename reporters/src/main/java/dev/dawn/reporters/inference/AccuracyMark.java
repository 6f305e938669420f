package dev.dawn.reporters.inference;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether an inference variant (bf16, int8, pruned) kept the accuracy of its model: the one rule
 * that the report, the {@code dawn infer} table and the files mark variants by.
 *
 * <ul>
 *   <li><b>lost accuracy</b>: its top-1 is more than the budget (points, default {@value
 *       #DEFAULT_TOP1_BUDGET_POINTS}) below fp32 of the same model;
 *   <li><b>under the target</b>: its value of the task's metric is below the threshold (e.g. top-5
 *       under 93%), so it is not a DAWNBench inference result, whatever fp32 did.
 * </ul>
 *
 * Differences are taken on the decimal values as logged (66.17 - 65.17 is exactly 1.00, not a hair
 * above it), so a variant exactly at the budget is not marked.
 *
 * @param top1Change variant minus fp32 top-1, in points; NaN without an fp32 reference
 * @param top5Change the same for top-5
 * @param lostAccuracy top-1 fell by more than {@code top1BudgetPoints}
 * @param underTarget the task's metric is under its threshold
 * @param top1BudgetPoints the budget the variant was held to
 * @param target the task's target
 */
public record AccuracyMark(
    double top1Change,
    double top5Change,
    boolean lostAccuracy,
    boolean underTarget,
    double top1BudgetPoints,
    AccuracyTarget target) {

  public static final double DEFAULT_TOP1_BUDGET_POINTS = 1.0;

  /**
   * Marks a variant against fp32 of the same model ({@code fp32} null when there is none: no
   * change, never "lost") and the task's target.
   */
  public static AccuracyMark of(
      TopAccuracy variant, TopAccuracy fp32, double top1BudgetPoints, AccuracyTarget target) {
    if (!(top1BudgetPoints >= 0) || Double.isInfinite(top1BudgetPoints)) {
      throw new IllegalArgumentException(
          "the top-1 budget must be a finite number of points >= 0, got " + top1BudgetPoints);
    }
    double top1Change = fp32 == null ? Double.NaN : change(variant.top1(), fp32.top1());
    double top5Change = fp32 == null ? Double.NaN : change(variant.top5(), fp32.top5());
    boolean lost = fp32 != null && -top1Change > top1BudgetPoints;
    boolean under = !target.reachedBy(variant.metric(target.metric()));
    return new AccuracyMark(top1Change, top5Change, lost, under, top1BudgetPoints, target);
  }

  /** True when the variant carries any mark. */
  public boolean marked() {
    return lostAccuracy || underTarget;
  }

  /**
   * The marks in words, e.g. {@code lost 8.34 points top-1 against fp32 (budget 1)} and {@code
   * top-5 under the 93% target}; empty when unmarked.
   */
  public List<String> words() {
    List<String> words = new ArrayList<>();
    if (lostAccuracy) {
      words.add(
          String.format(
              Locale.ROOT,
              "lost %.2f points top-1 against fp32 (budget %s)",
              -top1Change,
              BigDecimal.valueOf(top1BudgetPoints).stripTrailingZeros().toPlainString()));
    }
    if (underTarget) {
      words.add(target.metricName() + " under the " + target.thresholdPercent() + " target");
    }
    return words;
  }

  /** {@code a - b} on the decimal values as logged. */
  private static double change(double a, double b) {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return a - b;
    }
    return BigDecimal.valueOf(a).subtract(BigDecimal.valueOf(b)).doubleValue();
  }
}
