package dev.dawn.workloads.training;

import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.optimizers.LossScaling;

/**
 * Compute precision of the forward and backward passes plus the loss scaling that goes with it.
 * Master weights, batch-norm parameters and statistics, the loss and the optimizer stay float32 in
 * every case.
 */
public record PrecisionSettings(Precision precision, LossScaling lossScaling) {
  public static final PrecisionSettings FP32 =
      new PrecisionSettings(Precision.FP32, LossScaling.NONE);

  public PrecisionSettings {
    if (precision == null || lossScaling == null) {
      throw new IllegalArgumentException(
          "precision settings need a precision and a loss scaling (LossScaling.NONE)");
    }
  }

  public static PrecisionSettings of(Precision precision) {
    return new PrecisionSettings(precision, LossScaling.NONE);
  }
}
