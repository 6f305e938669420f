package dev.dawn.workloads.training;

import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.Cluster;
import dev.dawn.workloads.distributed.ClusterHandshake;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.WorkerServer;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tensorflow.proto.ConfigProto;

/**
 * What every worker of the two-process tests does, in the same order (collectives pair up by
 * order): train a BN-free net and a BN net on its share of each global batch, sum evaluation
 * counts, and exchange handshake values. Results go to files in {@code out}, so the test reads the
 * child's the same way as its own.
 */
final class WorkerScript {
  static final ModelSpec RESNET9 = ResNet9Sessions.RESNET9;
  static final int STEPS = 20;
  static final int GLOBAL_BATCH = 8;

  private WorkerScript() {}

  static void run(Cluster cluster, int timeoutSeconds, Path out) throws IOException {
    Files.createDirectories(out);
    if (cluster.isMultiWorker()) {
      // A server's devices are fixed when it starts: room for the two-replica phase below.
      WorkerServer.ensureStarted(
          cluster,
          new ReplicaSettings(2, 0, timeoutSeconds, cluster)
              .serverConfig(ConfigProto.getDefaultInstance()));
    }
    int workers = cluster.taskCount();
    int task = cluster.taskIndex();
    ReplicaSettings settings = new ReplicaSettings(1, 300, timeoutSeconds, cluster);
    List<String> losses = new ArrayList<>();
    long stepNanos = 0;
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(5e-4, true), 3L)
                .withReplicas(settings),
            BnFreeNet::new)) {
      ModelCheckpoint.write(session.weights().read(), out.resolve("bnfree-initial"));
      for (int step = 0; step < STEPS; step++) {
        Batch global = SyntheticBatches.separable(GLOBAL_BATCH, 8, 4, step);
        long start = System.nanoTime();
        losses.add(Float.toString(session.trainStep(share(global, task, workers), 0.1f, 0.9f)));
        if (step >= 5) {
          stepNanos += System.nanoTime() - start;
        }
      }
      ModelCheckpoint.write(session.weights().read(), out.resolve("bnfree-final"));
      Batch validation = SyntheticBatches.separable(12, 8, 4, 1234);
      EvalCounts local = session.evaluation().evaluate(share(validation, task, workers));
      EvalCounts sum = session.evaluation().sumOverWorkers(local);
      Files.writeString(
          out.resolve("eval.txt"),
          local.top1Correct()
              + " "
              + local.top5Correct()
              + " "
              + local.count()
              + "\n"
              + sum.top1Correct()
              + " "
              + sum.top5Correct()
              + " "
              + sum.count()
              + "\n");
      long nanos =
          session.computeOnlyStep().run(share(validation, task, workers), 2).nanosPerStep();
      Files.writeString(out.resolve("compute-nanos.txt"), Long.toString(nanos));
      System.out.printf(
          "task %d: train step %.2f ms (mean of steps 5..%d), compute only %.2f ms%n",
          task, stepNanos / 1e6 / (STEPS - 5), STEPS - 1, nanos / 1e6);
    }
    Files.write(out.resolve("losses.txt"), losses);

    // 2 replicas on each worker: a group of 4 copies, each on a quarter of the global batch
    ReplicaSettings twoEach = new ReplicaSettings(2, 300, timeoutSeconds, cluster);
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(RESNET9, new MomentumOptimizer(5e-4, true), 3L).withReplicas(twoEach),
            BnFreeNet::new)) {
      for (int step = 0; step < STEPS; step++) {
        Batch global = SyntheticBatches.separable(GLOBAL_BATCH, 8, 4, step);
        session.trainStep(share(global, task, workers), 0.1f, 0.9f);
      }
      ModelCheckpoint.write(session.weights().replica(0), out.resolve("bnfree-2x2-replica0"));
      ModelCheckpoint.write(session.weights().replica(1), out.resolve("bnfree-2x2-replica1"));
    }

    try (TrainingSession session = ResNet9Sessions.momentum(0.1, settings)) {
      for (int step = 0; step < 5; step++) {
        Batch global = SyntheticBatches.separable(GLOBAL_BATCH, 16, 4, 100 + step);
        session.trainStep(share(global, task, workers), 0.1f, 0.9f);
      }
      ModelCheckpoint.write(session.weights().read(), out.resolve("bn-before-average"));
      session.evaluation().averageMovingStatisticsOverWorkers();
      ModelCheckpoint.write(session.weights().read(), out.resolve("bn-averaged"));
    }

    long[][] gathered =
        ClusterHandshake.gather(
            cluster, new long[] {10L * task + 1, 42, Long.MIN_VALUE + task}, timeoutSeconds);
    Files.writeString(
        out.resolve("handshake.txt"),
        Arrays.stream(gathered).map(Arrays::toString).collect(Collectors.joining("\n")));
    String mismatch;
    try {
      ClusterHandshake.gather(cluster, new long[task + 1], timeoutSeconds);
      mismatch = "no error";
    } catch (IllegalStateException e) {
      mismatch = e.getMessage();
    }
    Files.writeString(out.resolve("handshake-mismatch.txt"), mismatch);
  }

  /** Contiguous share {@code task} of {@code workers} of a global batch. */
  static Batch share(Batch global, int task, int workers) {
    int size = global.size() / workers;
    int floats = size * global.floatsPerImage();
    float[] pixels = Arrays.copyOfRange(global.pixels(), task * floats, (task + 1) * floats);
    int[] labels = Arrays.copyOfRange(global.labels(), task * size, (task + 1) * size);
    return new Batch(pixels, labels, size, global.resolution());
  }
}
