package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import dev.dawn.workloads.training.optimizers.LarsOptimizer;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;

/** {@code optimizer.name} of a config to the in-graph optimizer that implements it. */
final class OptimizerChoice {
  private OptimizerChoice() {}

  static GraphOptimizer of(TrainConfig config) {
    var o = config.optimizer();
    return switch (o.name()) {
      case MOMENTUM -> new MomentumOptimizer(o.weightDecay(), o.nesterov());
      case LARS -> new LarsOptimizer(o.weightDecay(), o.larsEta(), o.larsEpsilon(), o.nesterov());
    };
  }
}
