package dev.dawn.workloads.training.optimizers;

/**
 * How the training loss is scaled before differentiation so that small float16 gradients do not
 * underflow.
 *
 * @param mode NONE (plain fp32 gradients), FIXED (multiply by {@code initialScale}, divide the
 *     gradients back; no checks, like TF's FixedLossScale) or DYNAMIC (TF LossScaleOptimizer: skip
 *     the update and halve the scale when a gradient is not finite, double it after {@code
 *     growthInterval} finite steps in a row)
 * @param initialScale the scale S of FIXED, the starting S of DYNAMIC; 1 for NONE
 * @param growthInterval finite steps in a row before a DYNAMIC scale doubles; 0 otherwise
 */
public record LossScaling(Mode mode, float initialScale, int growthInterval) {
  public enum Mode {
    NONE,
    FIXED,
    DYNAMIC
  }

  /** TF/Keras defaults: start at 2^15, double after 2000 good steps. */
  public static final float DEFAULT_INITIAL_SCALE = 32768f;

  public static final int DEFAULT_GROWTH_INTERVAL = 2000;

  public static final LossScaling NONE = new LossScaling(Mode.NONE, 1f, 0);

  public LossScaling {
    if (mode == null) {
      throw new IllegalArgumentException("loss scaling needs a mode");
    }
    if (!(initialScale > 0) || Float.isInfinite(initialScale)) {
      throw new IllegalArgumentException("loss scale must be finite and > 0, got " + initialScale);
    }
    if (mode == Mode.DYNAMIC && growthInterval < 1) {
      throw new IllegalArgumentException(
          "dynamic loss scale growth interval must be >= 1, got " + growthInterval);
    }
  }

  public static LossScaling fixed(float scale) {
    return new LossScaling(Mode.FIXED, scale, 0);
  }

  public static LossScaling dynamic() {
    return dynamic(DEFAULT_INITIAL_SCALE, DEFAULT_GROWTH_INTERVAL);
  }

  public static LossScaling dynamic(float initialScale, int growthInterval) {
    return new LossScaling(Mode.DYNAMIC, initialScale, growthInterval);
  }

  public boolean isEnabled() {
    return mode != Mode.NONE;
  }

  /** For logs: {@code none}, {@code dynamic} or the fixed scale. */
  public String describe() {
    return switch (mode) {
      case NONE -> "none";
      case FIXED -> Float.toString(initialScale);
      case DYNAMIC -> "dynamic";
    };
  }
}
