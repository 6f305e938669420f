package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.models.Precision;
import dev.dawn.workloads.training.optimizers.LossScaling;
import dev.dawn.workloads.training.PrecisionSettings;

/**
 * {@code train.precision} and {@code train.lossScale} of a config to the session's precision settings. Loss scaling
 * applies to fp16 only: fp32 and bf16 share float32's exponent range, so their gradients do not underflow and they
 * ignore the key (the run logs loss_scale none).
 */
public final class PrecisionChoice {
  private PrecisionChoice() {}

  public static PrecisionSettings of(TrainConfig config) {
    var t = config.train();
    Precision precision = Precision.fromConfigName(t.precision());
    if (precision != Precision.FP16) {
      return PrecisionSettings.of(precision);
    }
    return new PrecisionSettings(precision, lossScaling(t.lossScale()));
  }

  /** Config validation has already restricted the value to dynamic, none or a positive number. */
  static LossScaling lossScaling(String value) {
    return switch (value.trim()) {
      case "dynamic" -> LossScaling.dynamic();
      case "none" -> LossScaling.NONE;
      default -> LossScaling.fixed(Float.parseFloat(value.trim()));
    };
  }
}
