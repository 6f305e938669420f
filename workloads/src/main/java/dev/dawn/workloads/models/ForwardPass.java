package dev.dawn.workloads.models;

import dev.dawn.workloads.precision.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One application of a model to an input: training mode (batch statistics, collects the BN
 * moving-average updates that must run with the train step) or inference mode (moving statistics).
 * Both share the model's variables.
 *
 * <p>Mixed precision: the pass computes in {@link #precision()}. The variables stay float32 (master
 * weights) and each layer casts a weight at its use with {@link #weight}, so the Cast's gradient
 * hands float32 gradients back to the variables. Batch norm takes its float32
 * scale/offset/statistics as they are (FusedBatchNormV3 accepts a half or bfloat16 x with float32
 * parameters). Activation operands keep their declared {@code Operand<TFloat32>} Java type in the
 * model code: generics are erased and TensorFlow checks dtypes when an op is added, so under
 * bf16/fp16 they carry the compute dtype at run time. Only this class converts, so no layer
 * branches on the precision.
 */
public final class ForwardPass {
  private final Ops tf;
  private final boolean training;
  private final Precision precision;
  private final List<Op> movingAverageUpdates = new ArrayList<>();

  private ForwardPass(Ops tf, boolean training, Precision precision) {
    if (precision == null) {
      throw new IllegalArgumentException("a forward pass needs a precision");
    }
    this.tf = tf;
    this.training = training;
    this.precision = precision;
  }

  /**
   * @param tf ops under a sub-scope of its own so the two passes get distinct op names
   */
  public static ForwardPass training(Ops tf) {
    return training(tf, Precision.FP32);
  }

  public static ForwardPass training(Ops tf, Precision precision) {
    return new ForwardPass(tf, true, precision);
  }

  public static ForwardPass inference(Ops tf) {
    return inference(tf, Precision.FP32);
  }

  public static ForwardPass inference(Ops tf, Precision precision) {
    return new ForwardPass(tf, false, precision);
  }

  public Ops tf() {
    return tf;
  }

  public Precision precision() {
    return precision;
  }

  /**
   * A float32 weight (or image batch) as this pass computes with it; the same operand under fp32.
   */
  public Operand<TFloat32> weight(Operand<TFloat32> master) {
    return toCompute(master);
  }

  /** A scalar constant in the compute dtype, for arithmetic on activations. */
  public Operand<TFloat32> constant(float value) {
    return toCompute(tf.constant(value));
  }

  /** Casts float32 to the compute dtype (see the class comment for the declared type). */
  public Operand<TFloat32> toCompute(Operand<TFloat32> x) {
    return precision.toCompute(tf, x);
  }

  /** Casts an activation in the compute dtype back to float32 (e.g. logits for the loss). */
  public Operand<TFloat32> toFloat32(Operand<TFloat32> x) {
    return precision.toFloat32(tf, x);
  }

  public boolean isTraining() {
    return training;
  }

  void addMovingAverageUpdate(Op update) {
    if (!training) {
      throw new IllegalStateException("an inference pass must not update BN moving statistics");
    }
    movingAverageUpdates.add(update);
  }

  /**
   * Assign ops; run them as targets with the train step (nothing consumes their outputs, so only a
   * target keeps them).
   */
  public List<Op> movingAverageUpdates() {
    return Collections.unmodifiableList(movingAverageUpdates);
  }
}
