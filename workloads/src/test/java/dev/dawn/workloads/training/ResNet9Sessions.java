package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.ModelSpec;
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
}
