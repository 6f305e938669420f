package dev.dawn.harness.train;

import dev.dawn.harness.config.LossScale;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.PrecisionSettings;
import dev.dawn.workloads.training.optimizers.LossScaling;

/**
 * {@code train.precision} and {@code train.lossScale} of a config to the session's precision
 * settings. Loss scaling applies to fp16 only: fp32 and bf16 share float32's exponent range, so
 * their gradients do not underflow and they ignore the key (the run logs loss_scale none).
 */
public final class PrecisionChoice {
  private PrecisionChoice() {}

  public static PrecisionSettings of(TrainConfig config) {
    var t = config.train();
    if (t.precision() != Precision.FP16) {
      return PrecisionSettings.of(t.precision());
    }
    return new PrecisionSettings(t.precision(), lossScaling(t.lossScale()));
  }

  static LossScaling lossScaling(LossScale scale) {
    if (scale.dynamic()) return LossScaling.dynamic();
    return scale.isFixed() ? LossScaling.fixed(scale.fixed()) : LossScaling.NONE;
  }
}
