package dev.dawn.harness.config;

/**
 * The rule for {@code train.evalEveryEpochs}: either 1/N of an epoch (N evaluations per epoch, at
 * evenly spaced step boundaries) or a whole number N of epochs (every N-th epoch end). Other
 * fractions would put evaluations at positions that drift from epoch to epoch.
 */
public final class EvaluationInterval {
  /** Most evaluations per epoch; more would spend the run evaluating. */
  public static final int MAX_PER_EPOCH = 100;

  static final String RULE =
      "must be 1/N of an epoch (1, 0.5, 0.25, 0.2, ...: N evaluations per epoch, N <= "
          + MAX_PER_EPOCH
          + ") or a whole number of epochs (2, 3, ...)";

  private static final double TOLERANCE = 1e-9;

  private EvaluationInterval() {}

  static boolean isValid(double everyEpochs) {
    if (!Double.isFinite(everyEpochs) || everyEpochs <= 0) return false;
    if (everyEpochs >= 1) return isWhole(everyEpochs);
    double perEpoch = 1 / everyEpochs;
    return isWhole(perEpoch) && Math.round(perEpoch) <= MAX_PER_EPOCH;
  }

  /** Evaluations per epoch for an interval of at most one epoch (1 for whole-epoch intervals). */
  public static int perEpoch(double everyEpochs) {
    return everyEpochs >= 1 ? 1 : (int) Math.round(1 / everyEpochs);
  }

  /** Epochs between evaluations for an interval of at least one epoch (1 for fractions). */
  public static int epochsBetween(double everyEpochs) {
    return everyEpochs <= 1 ? 1 : (int) Math.round(everyEpochs);
  }

  private static boolean isWhole(double v) {
    return Math.abs(v - Math.round(v)) <= TOLERANCE * Math.max(1, Math.abs(v));
  }
}
