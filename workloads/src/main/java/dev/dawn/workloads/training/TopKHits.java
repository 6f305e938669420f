package dev.dawn.workloads.training;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Top-k hits in the graph, by the rule DAWNBench, MLPerf and torchvision count with: sort the
 * logits in descending order, equal logits by lower class index first, and the label is a hit when
 * it is among the first k. TF's TopKV2 orders exactly so ("if two elements are equal, the
 * lower-index element appears first"). InTopK does not: it counts a label tied with the k-th logit
 * as a hit even when k other classes come before it, so a model with constant logits would score
 * 100%. Inference takes its top 5 in Java with the same rule.
 */
public final class TopKHits {
  private TopKHits() {}

  /**
   * Number of rows of {@code logits} [batch, classes] whose {@code labels} [batch] entry is among
   * the top k.
   */
  public static Operand<TInt32> count(
      Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int k) {
    // [batch, k] class indices, distinct within a row
    Operand<TInt32> best =
        tf.nn.topK(logits, tf.constant(k), TInt32.class, TopK.sorted(true)).indices();
    Operand<TInt32> hit =
        tf.dtypes.cast(tf.math.equal(best, tf.expandDims(labels, tf.constant(1))), TInt32.class);
    return tf.sum(hit, tf.constant(new int[] {0, 1}));
  }
}
