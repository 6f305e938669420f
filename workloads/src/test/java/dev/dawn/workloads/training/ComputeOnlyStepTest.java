package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.WeightTensor;
import org.junit.jupiter.api.Test;

/** The compute-only step times forward and backward and changes nothing. */
class ComputeOnlyStepTest {

  @Test
  void computeOnlyStepsLeaveWeightsAndStatisticsAsTheyWere() {
    for (int replicas : new int[] {1, 2}) {
      try (TrainingSession session =
          ResNet9Sessions.momentum(0, new ReplicaSettings(replicas, 0, 60))) {
        Batch batch = SyntheticBatches.separable(8, 16, 4, 1);
        session.trainStep(batch, 0.1f, 0.9f);
        ModelWeights before = session.weights().read();
        long computeOnly = session.computeOnlyStep().run(batch, 3).nanosPerStep();
        assertThat(session.computeOnlyStep().run(batch, 1).nanosPerStep()).isPositive();
        ModelWeights after = session.weights().read();
        for (WeightTensor t : before.tensors()) {
          assertThat(after.get(t.name()).values()).as(t.name()).containsExactly(t.values());
        }
        // and the next real step still trains
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
          session.trainStep(batch, 0.1f, 0.9f);
        }
        long step = (System.nanoTime() - start) / 3;
        // forward and backward are most of a step (a run that skipped them took ~1/300 of one)
        assertThat(computeOnly).as("compute-only vs train step ns").isGreaterThan(step / 10);
        assertThat(session.weights().read().get(before.tensors().get(0).name()).values())
            .isNotEqualTo(before.tensors().get(0).values());
        // without a cluster the cross-worker calls are no-ops
        session.evaluation().averageMovingStatisticsOverWorkers();
        EvalCounts counts = new EvalCounts(1, 2, 3);
        assertThat(session.evaluation().sumOverWorkers(counts)).isEqualTo(counts);
      }
    }
  }
}
