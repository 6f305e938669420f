package dev.dawn.workloads.distributed;

import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * Data-parallel replicas: {@code replicas} copies of the model in this process, one per device,
 * each on its contiguous share of the batch this process is fed; with a {@link Cluster} of several
 * workers, every worker holds that many, and the gradients of all {@link #groupSize()} copies are
 * averaged by all-reduces packed into {@link FusionBuckets}.
 *
 * @param replicas model copies in this process; 1 without a cluster builds the single-device graph
 *     with no collective ops
 * @param fusionThresholdBytes largest all-reduce message; 0 = one all-reduce per gradient tensor
 * @param timeoutSeconds in a cluster, how long one session run may take, waiting for the other
 *     workers included, before it fails (see {@link #runDeadlineSeconds()}); replicas in one
 *     process run in one session run and need none
 * @param cluster the workers training together; {@link Cluster#LOCAL} for one process
 */
public record ReplicaSettings(
    int replicas, long fusionThresholdBytes, int timeoutSeconds, Cluster cluster) {
  /** Horovod's default fusion threshold. */
  public static final long DEFAULT_FUSION_THRESHOLD_BYTES = 64L << 20;

  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  /** One replica: the graph a run had before replicas existed. */
  public static final ReplicaSettings SINGLE =
      new ReplicaSettings(1, DEFAULT_FUSION_THRESHOLD_BYTES, DEFAULT_TIMEOUT_SECONDS);

  public ReplicaSettings {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
    }
    if (fusionThresholdBytes < 0) {
      throw new IllegalArgumentException(
          "fusion threshold must be >= 0 bytes, got " + fusionThresholdBytes);
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException(
          "collective timeout must be >= 1 s, got " + timeoutSeconds);
    }
    if (cluster == null) {
      throw new IllegalArgumentException("cluster must be given (Cluster.LOCAL for one process)");
    }
  }

  /** Replicas in one process ({@link Cluster#LOCAL}). */
  public ReplicaSettings(int replicas, long fusionThresholdBytes, int timeoutSeconds) {
    this(replicas, fusionThresholdBytes, timeoutSeconds, Cluster.LOCAL);
  }

  /**
   * How long one session run on a worker server (a train step, an evaluation batch, a cross-worker
   * sum) may take in all, waiting for the other workers included: the collective timeout. It is
   * what notices a frozen peer (a dead one breaks the connection at once) and a run whose step-id
   * request to a missing task 0 would otherwise be retried without end.
   */
  public long runDeadlineSeconds() {
    return timeoutSeconds;
  }

  /** Every model copy that averages its gradients with the others: workers x replicas. */
  public int groupSize() {
    return cluster.taskCount() * replicas;
  }

  /** More than one copy, so the replicated (all-reducing) train step is built. */
  public boolean isReplicated() {
    return groupSize() > 1;
  }

  /** Several worker processes: the session runs on this task's gRPC server. */
  public boolean isMultiWorker() {
    return cluster.isMultiWorker();
  }

  /**
   * The device replica {@code index} is pinned to: {@code /device:CPU:<index>} in one process,
   * {@code /job:worker/replica:0/task:<taskIndex>/device:CPU:<index>} in a cluster. CPU devices are
   * logical: they share the process's intra-op pool, so replicas on a CPU split the same cores
   * rather than adding any.
   */
  public DeviceSpec device(int index) {
    if (index < 0 || index >= replicas) {
      throw new IllegalArgumentException("replica " + index + " is not in [0, " + replicas + ")");
    }
    DeviceSpec.Builder spec =
        DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(index);
    if (cluster.isMultiWorker()) {
      spec.job(Cluster.JOB).replica(0).task(cluster.taskIndex());
    }
    return spec.build();
  }

  /** {@code base} with one CPU device per replica (unchanged for one replica). */
  public ConfigProto sessionConfig(ConfigProto base) {
    return replicas == 1 ? base : base.toBuilder().putDeviceCount("CPU", replicas).build();
  }

  /**
   * The configuration a worker server of this cluster starts with: {@code base} with one CPU device
   * per replica, always set (a server's devices are fixed when it starts).
   */
  public ConfigProto serverConfig(ConfigProto base) {
    return base.toBuilder().putDeviceCount("CPU", replicas).build();
  }

  /**
   * The share of a batch fed to this process that each replica trains on; a batch that does not
   * divide evenly is refused. In a cluster each worker is fed its own share of the global batch
   * (global batch / workers), see {@link #perWorkerBatch}.
   */
  public int perReplicaBatch(int processBatch) {
    if (processBatch % replicas != 0) {
      throw new IllegalArgumentException(
          "batch size "
              + processBatch
              + " is not divisible by "
              + replicas
              + " replicas (each replica takes an equal contiguous share of the batch"
              + (cluster.isMultiWorker() ? " fed to this worker" : "")
              + ")");
    }
    return processBatch / replicas;
  }

  /**
   * The share of a global batch one worker is fed; refused unless it divides into equal shares for
   * every replica of every worker.
   */
  int perWorkerBatch(int globalBatch) {
    if (globalBatch % groupSize() != 0) {
      throw new IllegalArgumentException(
          "batch size "
              + globalBatch
              + " is not divisible by "
              + cluster.taskCount()
              + " workers x "
              + replicas
              + " replicas (every replica of every worker takes an equal share of the global"
              + " batch)");
    }
    return globalBatch / cluster.taskCount();
  }
}
