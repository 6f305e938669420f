package dev.dawn.workloads.inference.bench;

import java.util.Locale;

/**
 * One point of the inference sweep: numeric precision and the fraction of conv filters pruned away.
 */
public record InferenceVariant(String precision, double pruneRatio) {
  /**
   * fp32: the folded net as is; bf16: the same in bfloat16 (logits in float32); int8: calibrated
   * quantization.
   */
  public static final java.util.List<String> PRECISIONS = java.util.List.of("fp32", "bf16", "int8");

  public InferenceVariant {
    if (!PRECISIONS.contains(precision)) {
      throw new IllegalArgumentException(
          "precision must be one of " + PRECISIONS + ", got '" + precision + "'");
    }
    if (!(pruneRatio >= 0 && pruneRatio < 1)) {
      throw new IllegalArgumentException("prune ratio must be in [0, 1), got " + pruneRatio);
    }
  }

  /** File-name-safe label, e.g. {@code int8-prune0.25}. */
  public String label() {
    return precision
        + "-prune"
        + String.format(Locale.ROOT, "%.2f", pruneRatio)
            .replaceAll("0+$", "")
            .replaceAll("\\.$", "");
  }
}
