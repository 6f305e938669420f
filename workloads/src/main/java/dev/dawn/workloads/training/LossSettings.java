package dev.dawn.workloads.training;

/**
 * @param labelSmoothing epsilon in [0, 1): the target puts 1 - eps + eps/K on the label and eps/K
 *     elsewhere
 */
public record LossSettings(double labelSmoothing) {
  public static final LossSettings NONE = new LossSettings(0.0);

  public LossSettings {
    if (!(labelSmoothing >= 0.0 && labelSmoothing < 1.0)) {
      throw new IllegalArgumentException(
          "loss labelSmoothing must be in [0, 1), got " + labelSmoothing);
    }
  }
}
