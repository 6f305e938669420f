package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.WeightTensor;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import dev.dawn.workloads.training.optimizers.LarsOptimizer;
import dev.dawn.workloads.training.optimizers.LossScaling;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel replicas in one session: same training as one big batch, copies stay mirrored, one
 * replica unchanged.
 */
class ReplicatedTrainingTest {
  private static final ModelSpec RESNET9 = ResNet9Sessions.RESNET9;

  @Test
  void replicasOnSharesOfTheBatchTrainLikeOneReplicaOnTheWholeBatch() {
    for (GraphOptimizer optimizer :
        List.of(new MomentumOptimizer(5e-4, true), new LarsOptimizer(5e-4, 0.02, 0.0, false))) {
      for (int replicas : new int[] {2, 4}) {
        // a small threshold, so several buckets are all-reduced
        ModelWeights one = trainBnFree(optimizer, new ReplicaSettings(1, 0, 60));
        ModelWeights many = trainBnFree(optimizer, new ReplicaSettings(replicas, 300, 60));
        assertThat(maxAbsDifference(one, many))
            .as(optimizer.name() + ", " + replicas + " replicas")
            .isLessThanOrEqualTo(1e-5);
        assertThat(maxAbsDifference(one, trainBnFree(optimizer, new ReplicaSettings(1, 0, 60))))
            .isZero();
      }
    }
  }

  @Test
  void mirroredCopiesStartEqualAndStayIdenticalWithBatchNorm() {
    try (TrainingSession session =
        ResNet9Sessions.momentum(0.1, new ReplicaSettings(2, 4096, 60))) {
      assertThat(session.fusionBuckets().orElseThrow().messages()).isGreaterThan(1);
      assertTrainablesIdentical(session, 2);
      for (int step = 0; step < 50; step++) {
        assertThat(session.trainStep(SyntheticBatches.separable(8, 16, 4, step), 0.1f, 0.9f))
            .isFinite();
      }
      assertTrainablesIdentical(session, 2);
      ModelWeights after = session.weights().replica(0);
      assertThat(maxAbsDifference(after, initial(RESNET9))).isGreaterThan(1e-3);
      // each replica keeps its own BN moving statistics, from its own share of each batch
      assertThat(values(after, "moving_mean"))
          .isNotEqualTo(values(session.weights().replica(1), "moving_mean"));
      EvalCounts eval = session.evaluation().evaluate(SyntheticBatches.separable(12, 16, 4, 99));
      assertThat(eval.count()).isEqualTo(12);
    }
  }

  /**
   * A collective with {@code timeout_seconds} makes TensorFlow start a thread per execution that
   * sleeps out the timeout; with one all-reduce per tensor and a 60 s timeout, 100 steps would
   * leave thousands of threads behind (two workers once died of it at the thread-ID limit).
   */
  @Test
  void manyAllReducesPerStepLeaveNoThreadsBehind() throws Exception {
    try (TrainingSession session = ResNet9Sessions.momentum(0, new ReplicaSettings(2, 0, 60))) {
      int perStep = session.fusionBuckets().orElseThrow().messages();
      assertThat(perStep).isGreaterThan(10);
      session.trainStep(SyntheticBatches.separable(8, 16, 4, 0), 0.1f, 0.9f);
      long before = liveThreads();
      for (int step = 1; step <= 100; step++) {
        session.trainStep(SyntheticBatches.separable(8, 16, 4, step), 0.1f, 0.9f);
      }
      // 100 steps x perStep timed all-reduces would be > 1,000 sleeping threads.
      assertThat(liveThreads() - before).isLessThan(100);
    }
  }

  /** Every thread of this process, native ones included (TensorFlow's are not Java threads). */
  private static long liveThreads() throws java.io.IOException {
    try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
      return tasks.count();
    }
  }

  @Test
  void larsWithLossScalingAndAccumulationKeepsCopiesIdentical() {
    PrecisionSettings scaled = new PrecisionSettings(Precision.FP32, LossScaling.dynamic(1024f, 3));
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new LarsOptimizer(5e-4, 0.02, 0.0, true), 7L)
                .withAccumulationSteps(2)
                .withPrecision(scaled)
                .withReplicas(new ReplicaSettings(2, 0, 60)))) {
      for (int step = 0; step < 10; step++) {
        session.trainStep(SyntheticBatches.separable(8, 16, 4, step), 0.5f, 0.9f);
        if (step % 2 == 1) {
          session.applyAccumulated(0.5f, 0.9f);
        }
      }
      assertTrainablesIdentical(session, 2);
      assertThat(maxAbsDifference(session.weights().replica(0), initial(RESNET9)))
          .isGreaterThan(1e-4);
      assertThat(session.lossScale().orElseThrow().scale())
          .isEqualTo(2048f); // grew once after 3 good updates
    }
  }

  /**
   * Each collective member sits on its own replica's device (members sharing a device would wait
   * forever).
   */
  @Test
  void everyReplicaAllReducesOnItsOwnDevice() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(0, false), 7L)
                .withReplicas(new ReplicaSettings(3, 0, 60)))) {
      java.util.Map<String, Integer> collectivesPerDevice = new java.util.TreeMap<>();
      session
          .graph()
          .operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("CollectiveReduceV2")) {
                  collectivesPerDevice.merge(op.device(), 1, Integer::sum);
                }
                if (op.type().equals("Conv2D")) {
                  String expected =
                      op.name().startsWith("replica_")
                          ? "/device:CPU:" + op.name().charAt(8)
                          : "/device:CPU:0";
                  assertThat(op.device()).as(op.name()).isEqualTo(expected);
                }
              });
      int perTensor = session.trainableNames().size();
      assertThat(collectivesPerDevice)
          .containsExactly(
              java.util.Map.entry("/device:CPU:0", perTensor),
              java.util.Map.entry("/device:CPU:1", perTensor),
              java.util.Map.entry("/device:CPU:2", perTensor));
    }
  }

  @Test
  void bf16ReplicasStayIdentical() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(5e-4, true), 7L)
                .withPrecision(PrecisionSettings.of(Precision.BF16))
                .withReplicas(new ReplicaSettings(2, 1 << 20, 60)))) {
      for (int step = 0; step < 3; step++) {
        assertThat(session.trainStep(SyntheticBatches.separable(4, 16, 4, step), 0.1f, 0.9f))
            .isFinite();
      }
      assertTrainablesIdentical(session, 2);
    }
  }

  @Test
  void restoredWeightsReachEveryReplica() {
    ModelWeights start;
    try (TrainingSession other =
        TrainingSession.create(SessionOptions.of(RESNET9, new MomentumOptimizer(0, false), 99L))) {
      start = other.weights().read();
    }
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(0, false), 7L)
                .withReplicas(new ReplicaSettings(2, 0, 60)))) {
      session.weights().restore(start);
      assertThat(maxAbsDifference(session.weights().replica(1), start)).isZero();
    }
  }

  @Test
  void aBatchThatDoesNotDivideIsRefusedWithTheReason() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(0, false), 7L)
                .withReplicas(new ReplicaSettings(3, 0, 60)))) {
      assertThatThrownBy(
              () -> session.trainStep(SyntheticBatches.separable(8, 16, 4, 1), 0.1f, 0.9f))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not divisible by 3 replicas");
    }
  }

  /**
   * The graph of one replica is the graph from before replicas existed: 789 ops for this model and
   * optimizer, counted on that code, and no collective or replica ops.
   */
  @Test
  void oneReplicaBuildsExactlyTheSingleDeviceGraph() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(5e-4, true), 7L)
                .withLoss(new LossSettings(0.1)))) {
      int ops = 0;
      for (Iterator<?> it = session.graph().operations(); it.hasNext(); it.next()) {
        ops++;
      }
      assertThat(ops).isEqualTo(789);
      session
          .graph()
          .operations()
          .forEachRemaining(
              op -> {
                assertThat(op.type()).doesNotStartWith("Collective");
                assertThat(op.name()).doesNotStartWith("replica_");
              });
      assertThat(session.fusionBuckets()).isEmpty();
    }
  }

  private static ModelWeights trainBnFree(GraphOptimizer optimizer, ReplicaSettings replicas) {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, optimizer, 3L).withReplicas(replicas), BnFreeNet::new)) {
      for (int step = 0; step < 20; step++) {
        Batch batch = SyntheticBatches.separable(8, 8, 4, step);
        assertThat(session.trainStep(batch, 0.1f, 0.9f)).isFinite();
      }
      for (int r = 1; r < replicas.replicas(); r++) {
        assertThat(maxAbsDifference(session.weights().replica(0), session.weights().replica(r)))
            .isZero();
      }
      return session.weights().read();
    }
  }

  private static ModelWeights initial(ModelSpec spec) {
    try (TrainingSession s =
        TrainingSession.create(SessionOptions.of(spec, new MomentumOptimizer(0, false), 7L))) {
      return s.weights().read();
    }
  }

  private static void assertTrainablesIdentical(TrainingSession session, int replicas) {
    ModelWeights first = session.weights().replica(0);
    for (int r = 1; r < replicas; r++) {
      ModelWeights copy = session.weights().replica(r);
      for (WeightTensor t : first.tensors()) {
        if (!t.name().contains("moving_")) {
          assertThat(copy.get(t.name()).values())
              .as("replica %d %s", r, t.name())
              .containsExactly(t.values());
        }
      }
    }
  }

  private static float[] values(ModelWeights w, String part) {
    return w.tensors().stream()
        .filter(t -> t.name().contains(part))
        .findFirst()
        .orElseThrow()
        .values();
  }

  private static double maxAbsDifference(ModelWeights a, ModelWeights b) {
    double max = 0;
    for (WeightTensor t : a.tensors()) {
      float[] x = t.values();
      float[] y = b.get(t.name()).values();
      for (int i = 0; i < x.length; i++) {
        max = Math.max(max, Math.abs(x[i] - y[i]));
      }
    }
    return max;
  }
}
