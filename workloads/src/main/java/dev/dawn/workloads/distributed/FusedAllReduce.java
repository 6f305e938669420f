package dev.dawn.workloads.distributed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The mean of every gradient over the replicas, one {@code CollectiveReduceV2} (merge Add, final
 * Div) per fusion bucket and replica: the bucket's gradients are flattened and concatenated,
 * all-reduced as one message, then split and reshaped back. A bucket's collective reads only its
 * own gradients, so it can start while the backward pass is still producing the next bucket's.
 *
 * <p>Collective keys are derived from positions, never from counters, so that separately built
 * graphs (one per worker process) agree on them: the group key names the set of replicas, the
 * instance key is the bucket's position in backward order.
 */
public final class FusedAllReduce {
  private FusedAllReduce() {}

  /**
   * The mean over a group of {@code groupSize} members, of which {@code replicaOps} are this
   * process's (the other members are the replicas of the other workers, which build the same
   * buckets in their own graphs).
   *
   * @param replicaOps per replica, ops pinned to that replica's device (each collective member must
   *     sit on its own)
   * @param gradients per replica, the gradients in forward (creation) order; every replica lists
   *     the same shapes
   * @param shapes static shape of each gradient in forward order
   * @param buckets packed over the backward-ordered sizes of these gradients
   * @param groupKey the group's collective key ({@link CollectiveKeys})
   * @return per replica, the all-reduced mean gradients in forward order
   */
  public static List<List<Operand<TFloat32>>> mean(
      List<Ops> replicaOps,
      List<List<Operand<TFloat32>>> gradients,
      List<long[]> shapes,
      FusionBuckets buckets,
      int groupSize,
      int groupKey) {
    int replicas = replicaOps.size();
    if (groupSize < replicas) {
      throw new IllegalArgumentException(
          "group of " + groupSize + " cannot hold this process's " + replicas + " replicas");
    }
    int tensors = shapes.size();
    if (gradients.size() != replicas) {
      throw new IllegalArgumentException(
          replicas + " replicas but gradients of " + gradients.size());
    }
    List<List<Operand<TFloat32>>> reduced = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      if (gradients.get(r).size() != tensors) {
        throw new IllegalArgumentException(
            "replica " + r + " has " + gradients.get(r).size() + " gradients, expected " + tensors);
      }
      Ops tf = replicaOps.get(r).withSubScope("allreduce");
      List<Operand<TFloat32>> out = new ArrayList<>(Collections.nCopies(tensors, null));
      for (int b = 0; b < buckets.messages(); b++) {
        List<Integer> members = buckets.buckets().get(b).tensors();
        int[] forward = members.stream().mapToInt(backward -> tensors - 1 - backward).toArray();
        Ops bucketOps = tf.withSubScope("bucket_" + b);
        List<Operand<TFloat32>> flat = new ArrayList<>(forward.length);
        long[] sizes = new long[forward.length];
        for (int k = 0; k < forward.length; k++) {
          flat.add(
              bucketOps.reshape(
                  gradients.get(r).get(forward[k]), bucketOps.constant(new int[] {-1})));
          sizes[k] = Arrays.stream(shapes.get(forward[k])).reduce(1, (x, y) -> x * y);
        }
        Operand<TFloat32> message =
            flat.size() == 1 ? flat.get(0) : bucketOps.concat(flat, bucketOps.constant(0));
        Operand<TFloat32> sum =
            Collectives.mean(bucketOps, message, groupSize, groupKey, CollectiveKeys.bucket(b));
        if (forward.length == 1) {
          out.set(forward[0], bucketOps.reshape(sum, bucketOps.constant(shapes.get(forward[0]))));
          continue;
        }
        var parts =
            bucketOps.splitV(
                sum, bucketOps.constant(sizes), bucketOps.constant(0), (long) forward.length);
        for (int k = 0; k < forward.length; k++) {
          out.set(
              forward[k],
              bucketOps.reshape(parts.output().get(k), bucketOps.constant(shapes.get(forward[k]))));
        }
      }
      reduced.add(out);
    }
    return reduced;
  }
}
