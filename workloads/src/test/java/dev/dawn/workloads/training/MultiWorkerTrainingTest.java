package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.Cluster;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.WorkerServer;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.VariableStore;
import dev.dawn.workloads.models.export.WeightTensor;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Two worker processes on loopback: this JVM is task 0, a child JVM is task 1. Both run {@link
 * WorkerScript} and must end with the same weights, losses and summed evaluation counts, and the
 * same as one process training on the whole batch.
 */
class MultiWorkerTrainingTest {
  private static final int TIMEOUT_SECONDS = 90;

  @Test
  void twoWorkersTrainLikeOneProcessAndEndIdentical(@TempDir Path dir) throws Exception {
    String workers = WorkerJvm.freeLoopbackCluster();
    Cluster cluster = new Cluster(List.of(workers.split(",")), 0);
    Path mine = dir.resolve("task0");
    Path theirs = dir.resolve("task1");
    try (WorkerJvm child =
        WorkerJvm.start(
            dir.resolve("task1.log"),
            "script",
            workers,
            "1",
            Integer.toString(TIMEOUT_SECONDS),
            theirs.toString())) {
      try {
        WorkerScript.run(cluster, TIMEOUT_SECONDS, mine);
      } catch (RuntimeException e) {
        child.waitFor(30);
        throw new AssertionError("task 0 failed; task 1's log:\n" + child.output(), e);
      }
      assertThat(child.waitFor(120)).as("child finished; its log:\n%s", child.output()).isTrue();
      assertThat(child.process.exitValue()).as(child.output()).isZero();
    }

    // this JVM now hosts task 0 for good: the same cluster is reused, another one refused
    WorkerServer server = WorkerServer.current().orElseThrow();
    assertThat(server.target()).isEqualTo("grpc://" + cluster.address(0));
    assertThat(WorkerServer.ensureStarted(cluster, ConfigProto.getDefaultInstance()))
        .isSameAs(server);
    assertThatThrownBy(
            () ->
                WorkerServer.ensureStarted(
                    new Cluster(List.of("127.0.0.1:1", "127.0.0.1:2"), 0),
                    ConfigProto.getDefaultInstance()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a JVM hosts one task");
    assertThatThrownBy(
            () ->
                WorkerServer.ensureStarted(
                    cluster, ConfigProto.newBuilder().putDeviceCount("CPU", 3).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was started with 2 CPU device(s)");

    // every task initialises from the same seed, and stays identical
    assertThat(maxAbsDifference(load(mine, "bnfree-initial"), load(theirs, "bnfree-initial")))
        .isZero();
    ModelWeights final0 = load(mine, "bnfree-final");
    assertThat(maxAbsDifference(final0, load(theirs, "bnfree-final"))).isZero();
    assertThat(maxAbsDifference(final0, load(mine, "bnfree-initial"))).isGreaterThan(1e-3);
    // the loss is the global mean, so both read the same one
    assertThat(Files.readAllLines(theirs.resolve("losses.txt")))
        .hasSize(WorkerScript.STEPS)
        .isEqualTo(Files.readAllLines(mine.resolve("losses.txt")));
    // and it is the training one process does on the whole batch
    ModelWeights oneProcess = trainInOneProcess();
    assertThat(maxAbsDifference(final0, oneProcess)).isLessThanOrEqualTo(1e-5);
    // 2 workers x 2 replicas: four identical copies, still the one-process training
    ModelWeights copy0 = load(mine, "bnfree-2x2-replica0");
    assertThat(maxAbsDifference(copy0, load(mine, "bnfree-2x2-replica1"))).isZero();
    assertThat(maxAbsDifference(copy0, load(theirs, "bnfree-2x2-replica0"))).isZero();
    assertThat(maxAbsDifference(copy0, load(theirs, "bnfree-2x2-replica1"))).isZero();
    assertThat(maxAbsDifference(copy0, oneProcess)).isLessThanOrEqualTo(1e-5);

    List<String> eval0 = Files.readAllLines(mine.resolve("eval.txt"));
    List<String> eval1 = Files.readAllLines(theirs.resolve("eval.txt"));
    assertThat(eval0.get(1)).isEqualTo(eval1.get(1));
    long[] local0 = counts(eval0.get(0));
    long[] local1 = counts(eval1.get(0));
    long[] sum = counts(eval0.get(1));
    for (int i = 0; i < 3; i++) {
      assertThat(sum[i]).isEqualTo(local0[i] + local1[i]);
    }
    assertThat(sum[2]).isEqualTo(12);
    assertThat(Long.parseLong(Files.readString(mine.resolve("compute-nanos.txt")))).isPositive();

    // BN: each worker's moving statistics come from its own shares until they are averaged
    ModelWeights bn0 = load(mine, "bn-averaged");
    assertThat(maxAbsDifference(bn0, load(theirs, "bn-averaged"))).isLessThanOrEqualTo(1e-6);
    assertThat(movingDifference(load(mine, "bn-before-average"), load(theirs, "bn-before-average")))
        .isGreaterThan(1e-4);

    String expected = "[1, 42, " + Long.MIN_VALUE + "]\n[11, 42, " + (Long.MIN_VALUE + 1) + "]";
    assertThat(Files.readString(mine.resolve("handshake.txt"))).isEqualTo(expected);
    assertThat(Files.readString(theirs.resolve("handshake.txt"))).isEqualTo(expected);
    assertThat(Files.readString(mine.resolve("handshake-mismatch.txt")))
        .contains("different numbers of handshake values")
        .contains("task 1 sent 2");
    assertThat(Files.readString(theirs.resolve("handshake-mismatch.txt")))
        .contains("task 0 sent 1");
  }

  private static ModelWeights trainInOneProcess() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(WorkerScript.RESNET9, new MomentumOptimizer(5e-4, true), 3L)
                .withReplicas(new ReplicaSettings(1, 0, 60)),
            BnFreeNet::new)) {
      for (int step = 0; step < WorkerScript.STEPS; step++) {
        Batch batch = SyntheticBatches.separable(WorkerScript.GLOBAL_BATCH, 8, 4, step);
        session.trainStep(batch, 0.1f, 0.9f);
      }
      return session.weights().read();
    }
  }

  /** A worker's saved weights: BnFreeNet's ("bnfree-...") or the ResNet-9's. */
  private static ModelWeights load(Path dir, String name) {
    Path folder = dir.resolve(name);
    if (!name.startsWith("bnfree")) return ModelCheckpoint.read(folder);
    try (Graph graph = new Graph()) {
      Map<String, long[]> shapes =
          VariableStore.variableShapes(new BnFreeNet(Ops.create(graph), WorkerScript.RESNET9, 0));
      return ModelCheckpoint.read(folder, WorkerScript.RESNET9, shapes);
    }
  }

  private static long[] counts(String line) {
    String[] parts = line.trim().split(" ");
    return new long[] {
      Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
    };
  }

  private static double movingDifference(ModelWeights a, ModelWeights b) {
    double max = 0;
    for (WeightTensor t : a.tensors()) {
      if (t.name().contains("moving_")) {
        max = Math.max(max, difference(t.values(), b.get(t.name()).values()));
      }
    }
    return max;
  }

  private static double maxAbsDifference(ModelWeights a, ModelWeights b) {
    double max = 0;
    for (WeightTensor t : a.tensors()) {
      max = Math.max(max, difference(t.values(), b.get(t.name()).values()));
    }
    return max;
  }

  private static double difference(float[] x, float[] y) {
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(x[i] - y[i]));
    }
    return max;
  }
}
