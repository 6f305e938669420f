package dev.dawn.reporters.inference;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.events.InferenceVariantResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AccuracyMark} of every variant of one run, for the files {@code dawn infer} writes
 * (summary CSV, DAWNBench JSONs), against fp32 of the same model ({@link #model}).
 */
public final class AccuracyMarks {
  private AccuracyMarks() {}

  /** Variants of the same weights, model, resolution and pruning share an fp32 reference. */
  public static List<Object> model(String weights, InferenceVariantResult v) {
    return List.of(weights == null ? "" : weights, v.model(), v.resolution(), v.pruneRatio());
  }

  /** Per variant label; fp32 variants are marked against none. */
  public static Map<String, AccuracyMark> of(
      List<InferenceVariantResult> variants, AccuracyTarget target, double top1BudgetPoints) {
    Map<String, AccuracyMark> marks = new LinkedHashMap<>();
    for (InferenceVariantResult v : variants) {
      TopAccuracy fp32 =
          v.precision().equals("fp32")
              ? null
              : variants.stream()
                  .filter(o -> o.precision().equals("fp32"))
                  .filter(o -> model(null, o).equals(model(null, v)))
                  .findFirst()
                  .map(AccuracyMarks::accuracy)
                  .orElse(null);
      marks.put(v.variant(), AccuracyMark.of(accuracy(v), fp32, top1BudgetPoints, target));
    }
    return marks;
  }

  public static TopAccuracy accuracy(InferenceVariantResult v) {
    return new TopAccuracy(v.top1Accuracy(), v.top5Accuracy());
  }
}
