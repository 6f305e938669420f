package dev.dawn.workloads.inference.bench;

import dev.dawn.workloads.precision.InferencePrecision;
import java.util.Locale;

/**
 * One point of the inference sweep: numeric precision and the fraction of conv filters pruned away.
 */
public record InferenceVariant(InferencePrecision precision, double pruneRatio) {
  public InferenceVariant {
    if (precision == null) {
      throw new IllegalArgumentException(
          "precision must be one of " + InferencePrecision.allowedNames() + ", got none");
    }
    if (!(pruneRatio >= 0 && pruneRatio < 1)) {
      throw new IllegalArgumentException("prune ratio must be in [0, 1), got " + pruneRatio);
    }
  }

  /** File-name-safe label, e.g. {@code int8-prune0.25}. */
  public String label() {
    return precision.configName()
        + "-prune"
        + String.format(Locale.ROOT, "%.2f", pruneRatio)
            .replaceAll("0+$", "")
            .replaceAll("\\.$", "");
  }
}
