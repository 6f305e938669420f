package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.Cluster;
import dev.dawn.workloads.distributed.ClusterHandshake;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.nio.file.Path;
import java.util.List;

/**
 * Main class of a worker JVM started by the multi-worker tests: {@code script <workers> <task>
 * <timeout> <outDir>} runs {@link WorkerScript}; {@code forever <workers> <task> <timeout>} trains
 * until a collective fails, printing {@code STEP n} per step and finally {@code LOST <millis>
 * <message>} (exit 3) for a {@link WorkerLostException}.
 */
public final class WorkerChild {
  private WorkerChild() {}

  public static void main(String[] args) throws Exception {
    Cluster cluster = new Cluster(List.of(args[1].split(",")), Integer.parseInt(args[2]));
    int timeout = Integer.parseInt(args[3]);
    switch (args[0]) {
      case "script" -> WorkerScript.run(cluster, timeout, Path.of(args[4]));
      case "forever" -> System.exit(trainUntilLost(cluster, timeout));
      case "handshake" -> System.exit(handshake(cluster, timeout));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    System.out.println("DONE");
    System.out.flush();
    // The worker server cannot be stopped; exiting ends it.
    System.exit(0);
  }

  private static int handshake(Cluster cluster, int timeout) {
    try {
      long[][] all = ClusterHandshake.gather(cluster, new long[] {7}, timeout);
      System.out.println("GATHERED " + all.length);
      return 0;
    } catch (WorkerLostException e) {
      System.out.println("LOST " + e.getMessage().replace('\n', ' '));
      System.out.println("CAUSE " + e.getCause().getMessage().replace('\n', ' '));
      return 3;
    }
  }

  private static int trainUntilLost(Cluster cluster, int timeout) {
    ReplicaSettings settings = new ReplicaSettings(1, 300, timeout, cluster);
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(WorkerScript.RESNET9, new MomentumOptimizer(5e-4, true), 3L)
                .withReplicas(settings),
            BnFreeNet::new)) {
      long lastOk = System.nanoTime();
      for (int step = 0; step < 1_000_000; step++) {
        try {
          session.trainStep(
              WorkerScript.share(SyntheticBatches.separable(8, 8, 4, step), cluster.taskIndex(), 2),
              0.1f,
              0.9f);
        } catch (WorkerLostException e) {
          long millis = (System.nanoTime() - lastOk) / 1_000_000;
          System.out.println("LOST " + millis + " " + e.getMessage().replace('\n', ' '));
          System.out.println("CAUSE " + e.getCause().getMessage().replace('\n', ' '));
          System.out.flush();
          return 3;
        }
        lastOk = System.nanoTime();
        System.out.println("STEP " + step);
        System.out.flush();
      }
    } catch (RuntimeException e) {
      System.out.println(
          "OTHER "
              + e.getClass().getName()
              + " "
              + String.valueOf(e.getMessage()).replace('\n', ' '));
      System.out.flush();
      return 4;
    }
    return 0;
  }
}
