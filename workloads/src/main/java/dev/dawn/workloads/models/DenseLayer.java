package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** x·W (+ b) on a [N, in] input. */
public final class DenseLayer {
  private final Variable<TFloat32> kernel;
  private final Variable<TFloat32> bias;

  DenseLayer(Variable<TFloat32> kernel, Variable<TFloat32> bias) {
    this.kernel = kernel;
    this.bias = bias;
  }

  public Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Ops tf = pass.tf();
    Operand<TFloat32> y = tf.linalg.matMul(x, pass.weight(kernel));
    return bias == null ? y : tf.nn.biasAdd(y, pass.weight(bias));
  }
}
