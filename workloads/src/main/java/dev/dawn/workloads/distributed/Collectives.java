package dev.dawn.workloads.distributed;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * The V2 collective ops, built raw: {@code Ops} has neither CollectiveReduceV2 nor
 * CollectiveGatherV2 (its {@code collectiveReduce} is V3, which needs a communicator op that
 * crashes in graph mode). Each op is created on {@code tf}'s scope, so it carries the scope's
 * device; every member of a group must sit on its own device.
 *
 * <p>The reduce ops carry no {@code timeout_seconds}: TensorFlow starts one thread per op execution
 * that sleeps out the timeout, so with a timeout every all-reduce of every step left a sleeping
 * thread behind (tens of thousands with one-message-per-tensor fusion and fast steps, until the
 * process hit its thread limit). A lost peer is noticed by gRPC at once (connection reset), and a
 * frozen one by the run deadline of the session run ({@link RunDeadline}). The gather used once at
 * start keeps its timeout.
 */
public final class Collectives {
  private Collectives() {}

  /** Element-wise mean over the group's members. */
  public static <T extends TType> Operand<T> mean(
      Ops tf, Operand<T> input, int groupSize, int groupKey, int instanceKey) {
    return reduce(tf, input, "Div", groupSize, groupKey, instanceKey);
  }

  /** Element-wise sum over the group's members. */
  public static <T extends TType> Operand<T> sum(
      Ops tf, Operand<T> input, int groupSize, int groupKey, int instanceKey) {
    return reduce(tf, input, "Id", groupSize, groupKey, instanceKey);
  }

  /**
   * The members' inputs concatenated along dimension 0 in group rank order (the order of the
   * members' device names, so task order for one member per task).
   */
  @SuppressWarnings("unchecked")
  public static <T extends TType> Operand<T> gather(
      Ops tf, Operand<T> input, int groupSize, int groupKey, int instanceKey, int timeoutSeconds) {
    Scope scope = tf.scope();
    var op =
        scope
            .env()
            .opBuilder("CollectiveGatherV2", scope.makeOpName("CollectiveGatherV2"), scope)
            .addInput(input.asOutput())
            .addInput(tf.constant(groupSize).asOutput())
            .addInput(tf.constant(groupKey).asOutput())
            .addInput(tf.constant(instanceKey).asOutput())
            .addInputList(new Output<?>[0])
            .setAttr("timeout_seconds", (float) timeoutSeconds)
            .build();
    return (Output<T>) op.output(0);
  }

  @SuppressWarnings("unchecked")
  private static <T extends TType> Operand<T> reduce(
      Ops tf, Operand<T> input, String finalOp, int groupSize, int groupKey, int instanceKey) {
    Operand<TInt32> size = tf.constant(groupSize);
    Operand<TInt32> group = tf.constant(groupKey);
    Operand<TInt32> instance = tf.constant(instanceKey);
    Scope scope = tf.scope();
    var op =
        scope
            .env()
            .opBuilder("CollectiveReduceV2", scope.makeOpName("CollectiveReduceV2"), scope)
            .addInput(input.asOutput())
            .addInput(size.asOutput())
            .addInput(group.asOutput())
            .addInput(instance.asOutput())
            .addInputList(new Output<?>[0])
            .setAttr("merge_op", "Add")
            .setAttr("final_op", finalOp)
            .build();
    return (Output<T>) op.output(0);
  }
}
