package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.WeightTensor;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The compute-only step computes the gradients a train step computes, and changes nothing. */
class ComputeOnlyStepTest {

  @Test
  void computeOnlyStepsComputeTheTrainStepsGradientsAndLeaveWeightsAndStatisticsAsTheyWere() {
    for (int replicas : new int[] {1, 2}) {
      try (TrainingSession session =
          ResNet9Sessions.momentum(0, new ReplicaSettings(replicas, 0, 60))) {
        Batch batch = SyntheticBatches.separable(8, 16, 4, 1);
        session.trainStep(batch, 0.1f, 0.9f);
        ModelWeights before = session.weights().read();
        ComputeOnlyStep.Measurement computeOnly = session.computeOnlyStep().run(batch, 3);
        assertThat(session.computeOnlyStep().run(batch, 1).nanosPerStep()).isPositive();
        ModelWeights after = session.weights().read();
        for (WeightTensor t : before.tensors()) {
          assertThat(after.get(t.name()).values()).as(t.name()).containsExactly(t.values());
        }
        // the gradients were computed (a run that skipped them would have nothing to sum) ...
        assertThat(computeOnly.gradientSum()).isFinite().isNotZero();
        // ... and are the ones the next real step computes on the same batch and weights, bit for
        // bit (fp32 on a CPU computes the same ops on the same inputs the same way), which still
        // trains
        float trainStepSum = trainStepGradientSum(session, batch, 0.1f, 0.9f);
        assertThat(Float.floatToRawIntBits(trainStepSum))
            .as(
                "%d replica(s): train step %s, compute-only %s",
                replicas, trainStepSum, computeOnly)
            .isEqualTo(Float.floatToRawIntBits(computeOnly.gradientSum()));
        assertThat(session.weights().read().get(before.tensors().get(0).name()).values())
            .isNotEqualTo(before.tensors().get(0).values());
        // without a cluster the cross-worker calls are no-ops
        session.evaluation().averageMovingStatisticsOverWorkers();
        EvalCounts counts = new EvalCounts(1, 2, 3);
        assertThat(session.evaluation().sumOverWorkers(counts)).isEqualTo(counts);
      }
    }
  }

  /** One train step on {@code batch} that also fetches the sum of the gradients it computed. */
  private static float trainStepGradientSum(
      TrainingSession session, Batch batch, float lr, float momentum) {
    int n = batch.size();
    int r = batch.resolution();
    try (TFloat32 images =
            TFloat32.tensorOf(
                Shape.of(n, r, r, Batch.CHANNELS),
                DataBuffers.of(batch.pixels(), true, false).narrow((long) n * r * r * 3));
        TInt32 labels =
            TInt32.tensorOf(Shape.of(n), DataBuffers.of(batch.labels(), true, false).narrow(n));
        TFloat32 lrTensor = TFloat32.scalarOf(lr);
        TFloat32 momentumTensor = TFloat32.scalarOf(momentum);
        Result result =
            session
                .session()
                .runner()
                .feed("images", images)
                .feed("labels", labels)
                .feed("learning_rate", lrTensor)
                .feed("momentum", momentumTensor)
                .addTarget("train_step")
                .fetch(session.computeOnlyStep().gradientSum())
                .run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }
}
