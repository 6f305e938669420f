package dev.dawn.workloads.inference.net;

import java.util.function.DoubleFunction;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Element-wise nonlinearity after a conv (or a residual add); one definition for the training and
 * inference graphs.
 */
public enum Activation {
  NONE,
  RELU,
  /**
   * Exact GELU, {@code x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2))}, as PyTorch's default {@code
   * nn.GELU}.
   */
  GELU;

  private static final double INV_SQRT2 = 1 / Math.sqrt(2);

  /**
   * @param constant a scalar in x's dtype (the training graph's compute dtype may be bf16/fp16)
   */
  public Operand<TFloat32> apply(
      Ops tf, Operand<TFloat32> x, DoubleFunction<Operand<TFloat32>> constant) {
    return switch (this) {
      case NONE -> x;
      case RELU -> tf.nn.relu(x);
      case GELU -> {
        Operand<TFloat32> phi =
            tf.math.add(constant.apply(1), tf.math.erf(tf.math.mul(x, constant.apply(INV_SQRT2))));
        yield tf.math.mul(tf.math.mul(x, constant.apply(0.5)), phi);
      }
    };
  }
}
