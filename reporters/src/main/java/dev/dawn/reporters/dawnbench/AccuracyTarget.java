package dev.dawn.reporters.dawnbench;

import java.math.BigDecimal;

/**
 * The accuracy gate of a DAWNBench task: a metric key and the percent it must reach. The one rule
 * of reaching it ({@link #reachedBy}) and its names for people.
 *
 * @param metric {@code top5Accuracy} or {@code top1Accuracy}
 * @param threshold percent, e.g. 93.0
 */
public record AccuracyTarget(String metric, double threshold) {

  public AccuracyTarget {
    if (!"top5Accuracy".equals(metric) && !"top1Accuracy".equals(metric)) {
      throw new IllegalArgumentException(
          "an accuracy target's metric must be top5Accuracy or top1Accuracy, got '" + metric + "'");
    }
  }

  /** DAWNBench counts a value at the threshold as reached: {@code >=}, not {@code >}. */
  public boolean reachedBy(double percent) {
    return percent >= threshold;
  }

  /** The metric in words: {@code top-1} or {@code top-5}. */
  public String metricName() {
    return "top1Accuracy".equals(metric) ? "top-1" : "top-5";
  }

  /** The threshold for people: {@code 93%}. */
  public String thresholdPercent() {
    return number(threshold) + "%";
  }

  /** The target as a phrase: {@code 93% top-5}. */
  public String phrase() {
    return thresholdPercent() + " " + metricName();
  }

  /** The target as a condition: {@code top5Accuracy >= 93%}. */
  @Override
  public String toString() {
    return metric + " >= " + thresholdPercent();
  }

  /** 93.0 as {@code 93}, 93.5 as {@code 93.5}. */
  static String number(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "" + v;
  }
}
