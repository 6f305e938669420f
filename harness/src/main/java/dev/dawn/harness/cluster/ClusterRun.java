package dev.dawn.harness.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dawn.harness.cluster.exposure.ServerExposure;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.run.DawnBuild;
import dev.dawn.workloads.data.Shard;
import dev.dawn.workloads.distributed.Cluster;
import dev.dawn.workloads.distributed.ClusterHandshake;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.distributed.WorkerPortException;
import dev.dawn.workloads.distributed.WorkerServer;
import dev.dawn.workloads.training.ThreadSettings;
import java.util.function.Consumer;

/**
 * This process's part in a run of several workers (or the whole run, without a cluster): it starts
 * the task's TensorFlow server and checks that every worker runs the same config before any run
 * folder exists, says which shard of the data this worker reads and which folder it writes, and
 * turns a collective that failed because a worker went missing into a message naming that worker.
 */
public final class ClusterRun {
  /**
   * Workers start at different times (JVM, TensorFlow, data set), so joining waits longer than a
   * step's collective.
   */
  static final int MIN_JOIN_SECONDS = 300;

  private final Cluster cluster;
  private final int timeoutSeconds;
  private final ConfigFingerprint fingerprint;

  /** Who can reach this task's server; null without a cluster (no server). */
  private final ServerExposure exposure;

  private ClusterRun(
      Cluster cluster, int timeoutSeconds, ConfigFingerprint fingerprint, ServerExposure exposure) {
    this.cluster = cluster;
    this.timeoutSeconds = timeoutSeconds;
    this.fingerprint = fingerprint;
    this.exposure = exposure;
  }

  /**
   * Joins the cluster of {@code config}: starts this task's server (with the session options the
   * training session will use: a server's devices are fixed when it starts) and compares every
   * worker's config hashes. Before the server starts, it says every address the server will answer
   * on and refuses a public one unless {@code distributed.allowPublicAddresses}. Does nothing but
   * hash the config without a cluster.
   *
   * @param tree the effective config tree, as config.yaml records it
   * @throws ClusterStartException when an address is public and not allowed, the port cannot be
   *     bound or the configs differ
   * @throws LostWorkerException when a worker does not join in time
   */
  public static ClusterRun join(
      TrainConfig config, JsonNode tree, ThreadSettings threads, Consumer<String> progress) {
    var d = config.distributed();
    Cluster cluster = d.cluster();
    ConfigFingerprint fingerprint = ConfigFingerprint.of(tree, DawnBuild.current().commit());
    if (!cluster.isMultiWorker())
      return new ClusterRun(cluster, d.timeoutSeconds(), fingerprint, null);
    ServerExposure exposure = ServerExposure.of(cluster);
    String server = "worker task " + cluster.taskIndex() + "'s server";
    exposure
        .refusal(server, d.allowPublicAddresses())
        .ifPresent(
            message -> {
              throw new ClusterStartException(message);
            });
    progress.accept(exposure.statement(server));
    ClusterRun run = new ClusterRun(cluster, d.timeoutSeconds(), fingerprint, exposure);
    try {
      WorkerServer.ensureStarted(cluster, d.settings().serverConfig(threads.toConfig()));
    } catch (WorkerPortException e) {
      throw new ClusterStartException(
          e.getMessage()
              + " (distributed.workers entry "
              + cluster.taskIndex()
              + "; another program may hold the port)",
          e);
    }
    progress.accept(
        "worker task "
            + cluster.taskIndex()
            + " of "
            + cluster.taskCount()
            + " listening on "
            + cluster.address(cluster.taskIndex())
            + "; waiting for the other workers");
    long[][] all;
    try {
      all =
          ClusterHandshake.gather(
              cluster, fingerprint.hashes(), Math.max(MIN_JOIN_SECONDS, d.timeoutSeconds()));
    } catch (WorkerLostException e) {
      throw run.explain(e);
    } catch (IllegalStateException e) {
      // different value counts: another build with another key list
      throw new ClusterStartException(
          "the workers run different dawn builds or config key lists: " + e.getMessage(), e);
    }
    fingerprint
        .differences(all)
        .ifPresent(
            message -> {
              throw new ClusterStartException(message);
            });
    progress.accept(
        "all "
            + cluster.taskCount()
            + " workers joined with the same config (hash "
            + fingerprint.configHash()
            + ")");
    return run;
  }

  public Cluster cluster() {
    return cluster;
  }

  public boolean isMultiWorker() {
    return cluster.isMultiWorker();
  }

  /** Task 0 or the only process: owns the run folder, evaluation results, weights and exports. */
  public boolean isChief() {
    return cluster.isChief();
  }

  public int taskIndex() {
    return cluster.taskIndex();
  }

  public int workerCount() {
    return cluster.taskCount();
  }

  /** The part of every batch this worker reads. */
  public Shard shard() {
    return new Shard(cluster.taskIndex(), cluster.taskCount());
  }

  /** The effective config's hash, the same on every worker (environment.json records it). */
  public String configHash() {
    return fingerprint.configHash();
  }

  /**
   * A collective that failed because a worker is gone, as one line naming the workers that no
   * longer accept connections.
   */
  public LostWorkerException explain(WorkerLostException e) {
    return LostWorkerException.after(e, cluster.workers(), cluster.taskIndex(), timeoutSeconds);
  }

  /** For environment.json: the cluster, this task and the config hash every worker agreed on. */
  public java.util.Map<String, Object> environment() {
    java.util.Map<String, Object> env = new java.util.LinkedHashMap<>();
    env.put("workers", cluster.workers());
    env.put("taskIndex", cluster.taskIndex());
    env.put("role", cluster.isChief() ? "chief" : "worker");
    env.put("configHash", fingerprint.configHash());
    if (exposure != null) env.put("serverReachableOn", exposure.environment());
    return env;
  }
}
