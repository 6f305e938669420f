package dev.dawn.workloads.training;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;

/**
 * TF Java 1.1.0 ships no gradient for SparseSoftmaxCrossEntropyWithLogits. The op's second output
 * already is d loss / d logits (softmax - onehot), so the gradient is that times the incoming
 * per-example gradient. Registration is process-global and must precede building any gradient that
 * crosses the op.
 */
public final class SparseCrossEntropyGradient {
  private static boolean attempted;

  private SparseCrossEntropyGradient() {}

  /** Registers the gradient the first time; later calls do nothing. */
  @SuppressWarnings("unchecked")
  public static synchronized void registerOnce() {
    if (attempted) {
      return;
    }
    attempted = true;
    // false means a gradient already exists (registered by other code in this process): fine either
    // way.
    TensorFlow.registerCustomGradient(
        SparseSoftmaxCrossEntropyWithLogits.Inputs.class,
        (tf, op, upstream) -> {
          Operand<TFloat32> backprop =
              (Operand<TFloat32>)
                  ((SparseSoftmaxCrossEntropyWithLogits<?>) op.getOutputs()).backprop();
          Operand<TFloat32> dLoss = (Operand<TFloat32>) upstream.get(0);
          Operand<TFloat32> dLogits = tf.math.mul(backprop, tf.expandDims(dLoss, tf.constant(-1)));
          // Every input needs a non-null gradient; labels are integers and get zeros.
          return List.of(dLogits, tf.zerosLike(op.labels));
        });
  }
}
