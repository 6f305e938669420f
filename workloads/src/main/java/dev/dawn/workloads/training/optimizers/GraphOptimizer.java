package dev.dawn.workloads.training.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Builds the in-graph update of the weights from their gradients (momentum SGD, LARS, ...). The
 * learning rate and momentum arrive as scalar placeholders so that schedules are computed in Java
 * and fed per step.
 */
public interface GraphOptimizer {

  /**
   * A trainable weight, its gradient, and whether weight decay applies to it (BN and bias are
   * usually excluded).
   */
  record Parameter(
      Variable<TFloat32> variable, Operand<TFloat32> gradient, boolean decayed, String name) {}

  /**
   * @return one op that applies every update when run as a target.
   */
  Op applyGradients(
      Ops tf,
      List<Parameter> parameters,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum);

  /** Short name for logs and events, e.g. {@code momentum}, {@code lars}. */
  String name();
}
