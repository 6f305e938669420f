package dev.dawn.workloads.distributed;

import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * Data-parallel replicas in one session: {@code replicas} copies of the model, one per device, each
 * on its contiguous share of the global batch; their gradients are averaged by all-reduces packed
 * into {@link FusionBuckets}.
 *
 * @param replicas model copies; 1 builds the single-device graph with no collective ops
 * @param fusionThresholdBytes largest all-reduce message; 0 = one all-reduce per gradient tensor
 * @param timeoutSeconds how long a collective waits for the other members before the step fails
 *     (never a hang)
 */
public record ReplicaSettings(int replicas, long fusionThresholdBytes, int timeoutSeconds) {
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
  }

  public boolean isReplicated() {
    return replicas > 1;
  }

  /**
   * The device replica {@code index} is pinned to. CPU devices are logical: they share the
   * process's intra-op pool, so replicas on a CPU split the same cores rather than adding any.
   */
  public DeviceSpec device(int index) {
    if (index < 0 || index >= replicas) {
      throw new IllegalArgumentException("replica " + index + " is not in [0, " + replicas + ")");
    }
    return DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(index).build();
  }

  /** {@code base} with one CPU device per replica (unchanged for one replica). */
  public ConfigProto sessionConfig(ConfigProto base) {
    return replicas == 1 ? base : base.toBuilder().putDeviceCount("CPU", replicas).build();
  }

  /**
   * The share of a global batch each replica trains on; a batch that does not divide evenly is
   * refused.
   */
  public int perReplicaBatch(int globalBatch) {
    if (globalBatch % replicas != 0) {
      throw new IllegalArgumentException(
          "batch size "
              + globalBatch
              + " is not divisible by "
              + replicas
              + " replicas (each replica takes an equal contiguous share of the global batch)");
    }
    return globalBatch / replicas;
  }
}
