package dev.dawn.reporters.inference;

import dev.dawn.reporters.events.InferenceTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one inference variant's accuracy says beside its latency: its change against fp32 of the
 * same model and pruning, and the two marks a reader must not miss. A variant under the task's
 * target is not a DAWNBench inference result (its JSON is marked as no entry); a variant that lost
 * more top-1 than the budget against fp32 computes something else than the model (a wrong
 * reduced-precision kernel looks exactly like this).
 *
 * @param top1Change top-1 points against the fp32 variant of the same model and pruning; null for
 *     fp32 itself or when the run has none
 * @param underTarget the target metric is under the target accuracy
 * @param lostAccuracy top-1 fell by more than the budget
 */
public record AccuracyMark(
    String variant,
    Double top1Change,
    Double top5Change,
    boolean underTarget,
    boolean lostAccuracy,
    InferenceTarget target) {

  /** Empty when nothing is wrong, else e.g. {@code under target; lost 8.3 top-1 points}. */
  public String text() {
    List<String> parts = new ArrayList<>();
    if (underTarget) {
      parts.add(
          String.format(
              Locale.ROOT, "under target (%s < %.4g%%)", target.metricLabel(), target.accuracy()));
    }
    if (lostAccuracy) {
      parts.add(
          String.format(
              Locale.ROOT,
              "lost %.2f top-1 points vs fp32 (budget %.2f)",
              -top1Change,
              target.top1BudgetPoints()));
    }
    return String.join("; ", parts);
  }

  public boolean marked() {
    return underTarget || lostAccuracy;
  }
}
