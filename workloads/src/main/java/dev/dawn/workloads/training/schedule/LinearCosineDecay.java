package dev.dawn.workloads.training.schedule;

/**
 * TensorFlow's {@code tf.compat.v1.train.linear_cosine_decay}, with steps expressed in epochs (the
 * formula depends only on {@code t / decay_steps}, so the unit does not matter):
 *
 * <pre>
 *   t              = min(max(epoch − startEpoch, 0), decayEpochs)
 *   linear_decay   = (decayEpochs − t) / decayEpochs
 *   cosine_decay   = 0.5·(1 + cos(π·2·numPeriods·t / decayEpochs))
 *   decayed        = (alpha + linear_decay)·cosine_decay + beta
 *   lr             = initialLr·decayed
 * </pre>
 *
 * TF defaults: {@code numPeriods = 0.5, alpha = 0, beta = 0.001}. With {@code alpha = 0} the rate
 * starts at {@code initialLr·(1 + beta)} and ends (and stays) at {@code initialLr·beta}. So
 * Huawei's "max 28 → min 0.2" is exactly {@code initial = 28 − 0.2 = 27.8, beta = 0.2/27.8}. {@code
 * startEpoch} (0 in TF) lets the decay begin after a warmup.
 */
public record LinearCosineDecay(
    double initialLr,
    double startEpoch,
    double decayEpochs,
    double alpha,
    double beta,
    double numPeriods)
    implements LearningRateSchedule {

  public static final double DEFAULT_ALPHA = 0.0;
  public static final double DEFAULT_BETA = 0.001;
  public static final double DEFAULT_NUM_PERIODS = 0.5;

  public LinearCosineDecay {
    ScheduleChecks.finite("linear_cosine", "initial", initialLr);
    ScheduleChecks.nonNegative("linear_cosine", "startEpoch", startEpoch);
    ScheduleChecks.positive("linear_cosine", "decayEpochs", decayEpochs);
    ScheduleChecks.finite("linear_cosine", "alpha", alpha);
    ScheduleChecks.finite("linear_cosine", "beta", beta);
    ScheduleChecks.finite("linear_cosine", "numPeriods", numPeriods);
  }

  /** TF's signature: decay from epoch 0 with the default alpha, beta and number of periods. */
  static LinearCosineDecay withTensorFlowDefaults(double initialLr, double decayEpochs) {
    return new LinearCosineDecay(
        initialLr, 0, decayEpochs, DEFAULT_ALPHA, DEFAULT_BETA, DEFAULT_NUM_PERIODS);
  }

  @Override
  public double at(double epoch) {
    double t = Math.min(Math.max(epoch - startEpoch, 0), decayEpochs);
    double linear = (decayEpochs - t) / decayEpochs;
    double cosine = 0.5 * (1 + Math.cos(Math.PI * 2 * numPeriods * t / decayEpochs));
    return initialLr * ((alpha + linear) * cosine + beta);
  }
}
