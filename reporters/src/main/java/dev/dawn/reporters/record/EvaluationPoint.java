package dev.dawn.reporters.record;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One evaluation of the validation split, at the end of an epoch or within one ({@code
 * train.evalEveryEpochs} below 1). The DAWNBench TSV has one row per evaluation point, and time to
 * target is the {@code hours} of the first point at or above the threshold.
 *
 * @param epoch epochs trained when evaluated, e.g. 6.5 (halfway through epoch 7) or 7.0
 * @param hours cumulative training time in hours, evaluation excluded (DAWNBench "hours")
 * @param top1Accuracy percent, 0..100
 * @param top5Accuracy percent, 0..100
 */
public record EvaluationPoint(
    double epoch, double hours, double top1Accuracy, double top5Accuracy) {

  /**
   * The epoch position as the TSV and CSV files write it: a whole number as an integer ({@code 7}),
   * a fraction as a float ({@code 6.5}).
   */
  public Number epochNumber() {
    return epochNumber(epoch);
  }

  /** The epoch position for people: at most 3 decimals, no trailing zeros ({@code 8.756}). */
  public static String epochLabel(double epoch) {
    return BigDecimal.valueOf(epoch)
        .setScale(3, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** See {@link #epochNumber()}. */
  public static Number epochNumber(double epoch) {
    return epoch == Math.rint(epoch) && Math.abs(epoch) < Integer.MAX_VALUE
        ? (Number) (int) epoch
        : (Number) epoch;
  }

  /**
   * The accuracy named by a DAWNBench metric key ({@code top1Accuracy} or {@code top5Accuracy}).
   */
  public double metric(String metric) {
    return switch (metric) {
      case "top1Accuracy" -> top1Accuracy;
      case "top5Accuracy" -> top5Accuracy;
      default -> throw new IllegalArgumentException("unknown accuracy metric '" + metric + "'");
    };
  }
}
