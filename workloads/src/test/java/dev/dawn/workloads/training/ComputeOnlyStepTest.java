package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.WeightTensor;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import org.junit.jupiter.api.Test;

/** The compute-only step times forward and backward and changes nothing. */
class ComputeOnlyStepTest {
  private static final ModelSpec RESNET9 = new ModelSpec("resnet9", 4, 0.125, null, null);

  @Test
  void computeOnlyStepsLeaveWeightsAndStatisticsAsTheyWere() {
    for (int replicas : new int[] {1, 2}) {
      try (TrainingSession session =
          TrainingSession.create(
              RESNET9,
              new MomentumOptimizer(5e-4, true),
              new LossSettings(0),
              ThreadSettings.TF_DEFAULT,
              7L,
              false,
              1,
              PrecisionSettings.FP32,
              new ReplicaSettings(replicas, 0, 60))) {
        Batch batch = SyntheticBatches.separable(8, 16, 4, 1);
        session.trainStep(batch, 0.1f, 0.9f);
        ModelWeights before = session.weights();
        assertThat(session.computeOnlyStepNanos(batch, 2)).isPositive();
        assertThat(session.computeOnlyStepNanos(batch, 1)).isPositive();
        ModelWeights after = session.weights();
        for (WeightTensor t : before.tensors()) {
          assertThat(after.get(t.name()).values()).as(t.name()).containsExactly(t.values());
        }
        // and the next real step still trains
        session.trainStep(batch, 0.1f, 0.9f);
        assertThat(session.weights().get(before.tensors().get(0).name()).values())
            .isNotEqualTo(before.tensors().get(0).values());
        // without a cluster the cross-worker calls are no-ops
        session.averageMovingStatisticsOverWorkers();
        EvalCounts counts = new EvalCounts(1, 2, 3);
        assertThat(session.sumOverWorkers(counts)).isEqualTo(counts);
      }
    }
  }
}
