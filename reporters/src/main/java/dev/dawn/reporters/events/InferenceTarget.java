package dev.dawn.reporters.events;

/**
 * What an inference run's accuracies are held against: the task's target (the DAWNBench entry's
 * metric and threshold, else the training config's) and how many top-1 points a variant may lose
 * against fp32 before it is marked.
 *
 * @param metric {@code top5Accuracy} or {@code top1Accuracy}, or null when the run names none
 * @param accuracy in percent (e.g. 93.0); NaN when there is no target
 */
public record InferenceTarget(String metric, double accuracy, double top1BudgetPoints) {
  public static final double DEFAULT_TOP1_BUDGET_POINTS = 1.0;

  /** Runs written before the target was recorded: no target, the default budget. */
  public static final InferenceTarget UNKNOWN =
      new InferenceTarget(null, Double.NaN, DEFAULT_TOP1_BUDGET_POINTS);

  public boolean hasTarget() {
    return metric != null && !Double.isNaN(accuracy);
  }

  /** e.g. {@code top-5}. */
  public String metricLabel() {
    return "top5Accuracy".equals(metric) ? "top-5" : "top-1";
  }
}
