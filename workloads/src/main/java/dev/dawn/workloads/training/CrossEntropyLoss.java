package dev.dawn.workloads.training;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Mean softmax cross-entropy of a batch. Without smoothing it uses the sparse op (no one-hot
 * matrix, gradient registered by {@link SparseCrossEntropyGradient}); with smoothing it builds the
 * smoothed one-hot target and uses the dense op, whose built-in gradient already handles soft
 * targets — the sparse op cannot express them.
 */
final class CrossEntropyLoss {
  private CrossEntropyLoss() {}

  static Operand<TFloat32> mean(
      Ops tf,
      Operand<TFloat32> logits,
      Operand<TInt32> labels,
      int numClasses,
      LossSettings settings) {
    Operand<TFloat32> perExample;
    if (settings.labelSmoothing() == 0.0) {
      SparseCrossEntropyGradient.registerOnce();
      perExample = tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels).loss();
    } else {
      float eps = (float) settings.labelSmoothing();
      float off = eps / numClasses;
      Operand<TFloat32> target =
          tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f - eps + off), tf.constant(off));
      perExample = tf.nn.softmaxCrossEntropyWithLogits(logits, target).loss();
    }
    return tf.math.mean(perExample, tf.constant(0));
  }
}
