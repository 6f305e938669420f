package dev.dawn.reporters.events;

/**
 * The hyperparameter keys MLPerf's ResNet-50 rules require of one optimizer ({@code
 * closed_resnet_lars.yaml}, {@code closed_resnet_sgd.yaml}): the same quantities under the
 * optimizer's prefix.
 *
 * @param optName the value of {@code opt_name}
 */
public record MlPerfOptimizerKeys(
    String optName,
    String baseLearningRate,
    String endLearningRate,
    String decayPolyPower,
    String decaySteps,
    String momentum,
    String weightDecay) {

  /** LARS; it also has {@link MlLogKeys#LARS_EPSILON} and its own warmup key. */
  public static final MlPerfOptimizerKeys LARS =
      new MlPerfOptimizerKeys(
          "lars",
          MlLogKeys.LARS_OPT_BASE_LEARNING_RATE,
          MlLogKeys.LARS_OPT_END_LEARNING_RATE,
          MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_POLY_POWER,
          MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_STEPS,
          MlLogKeys.LARS_OPT_MOMENTUM,
          MlLogKeys.LARS_OPT_WEIGHT_DECAY);

  /** SGD with momentum; its warmup is {@link MlLogKeys#OPT_LEARNING_RATE_WARMUP_EPOCHS}. */
  public static final MlPerfOptimizerKeys SGD =
      new MlPerfOptimizerKeys(
          "sgd",
          MlLogKeys.SGD_OPT_BASE_LEARNING_RATE,
          MlLogKeys.SGD_OPT_END_LEARNING_RATE,
          MlLogKeys.SGD_OPT_LEARNING_RATE_DECAY_POLY_POWER,
          MlLogKeys.SGD_OPT_LEARNING_RATE_DECAY_STEPS,
          MlLogKeys.SGD_OPT_MOMENTUM,
          MlLogKeys.SGD_OPT_WEIGHT_DECAY);
}
