package dev.dawn.reporters.inference;

import dev.dawn.reporters.events.InferenceTarget;
import dev.dawn.reporters.events.InferenceVariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link AccuracyMark} of every variant of a run: one rule for the CSV, JSON, CLI and HTML. */
public final class AccuracyMarks {
  private AccuracyMarks() {}

  public static List<AccuracyMark> of(List<InferenceVariantResult> variants, InferenceTarget t) {
    List<AccuracyMark> marks = new ArrayList<>();
    for (InferenceVariantResult v : variants) {
      Optional<InferenceVariantResult> fp32 = reference(variants, v);
      Double top1 = fp32.map(f -> points(v.top1Accuracy() - f.top1Accuracy())).orElse(null);
      Double top5 = fp32.map(f -> points(v.top5Accuracy() - f.top5Accuracy())).orElse(null);
      boolean under =
          t.hasTarget()
              && ("top5Accuracy".equals(t.metric()) ? v.top5Accuracy() : v.top1Accuracy())
                  < t.accuracy();
      boolean lost = top1 != null && -top1 > t.top1BudgetPoints();
      marks.add(new AccuracyMark(v.variant(), top1, top5, under, lost, t));
    }
    return marks;
  }

  /**
   * A difference of percentages, to 1e-4 points: accuracies are counts over at most millions of
   * images, so finer digits are float noise of the subtraction.
   */
  private static double points(double difference) {
    return Math.round(difference * 1e4) / 1e4;
  }

  /** fp32 of the same model and pruning; none for fp32 itself. */
  private static Optional<InferenceVariantResult> reference(
      List<InferenceVariantResult> all, InferenceVariantResult v) {
    if (v.precision().equals("fp32")) {
      return Optional.empty();
    }
    return all.stream()
        .filter(o -> o.precision().equals("fp32"))
        .filter(o -> o.model().equals(v.model()) && o.resolution() == v.resolution())
        .filter(o -> o.pruneRatio() == v.pruneRatio())
        .findFirst();
  }
}
