package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.optimizers.LarsOptimizer;
import dev.dawn.workloads.training.optimizers.LossScaling;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;

/** The small replicated ResNet-9 session the data-parallel tests train. */
final class ResNet9Sessions {
  static final ModelSpec RESNET9 = new ModelSpec("resnet9", 4, 0.125, null, null);

  private ResNet9Sessions() {}

  /** Nesterov momentum with weight decay 5e-4, seed 7, fp32, no accumulation. */
  static TrainingSession momentum(double labelSmoothing, ReplicaSettings settings) {
    return TrainingSession.create(
        SessionOptions.of(RESNET9, new MomentumOptimizer(5e-4, true), 7L)
            .withLoss(new LossSettings(labelSmoothing))
            .withReplicas(settings));
  }

  /**
   * Every variable role at once: two replicas, dynamic loss scaling, accumulation of 2, LARS slots.
   */
  static SessionOptions everyRole(long seed) {
    return SessionOptions.of(RESNET9, new LarsOptimizer(5e-4, 0.02, 1e-9, true), seed)
        .withAccumulationSteps(2)
        .withPrecision(new PrecisionSettings(Precision.FP32, LossScaling.dynamic(1024f, 3)))
        .withReplicas(new ReplicaSettings(2, 4096, 60));
  }
}
