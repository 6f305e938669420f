package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * Ties at the top-k boundary go to the lower class index, as in a sorted order; InTopK counted them
 * all as hits.
 */
class TopKHitsTest {
  static int hits(float[][] logits, int[] labels, int k) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var count = TopKHits.count(tf, tf.constant(logits), tf.constant(labels), k);
      try (Session s = new Session(g);
          Result r = s.runner().fetch(count).run()) {
        return ((TInt32) r.get(0)).getInt();
      }
    }
  }

  @Test
  void aTieAtTheBoundaryGoesToTheLowerClassIndex() {
    float[] flat = {1, 1, 1, 1, 1, 1};
    // Constant logits: the sorted order is 0, 1, 2, ...; only classes 0-4 are in the top 5, only
    // class 0 is top 1.
    assertThat(hits(new float[][] {flat}, new int[] {5}, 5)).isZero();
    assertThat(hits(new float[][] {flat}, new int[] {4}, 5)).isOne();
    assertThat(hits(new float[][] {flat}, new int[] {0}, 1)).isOne();
    assertThat(hits(new float[][] {flat}, new int[] {1}, 1)).isZero();
    // Classes 4, 5 and 6 tie at the 5th place: 4 is in, 5 and 6 are out.
    float[] boundary = {5, 4, 3, 2, 1, 1, 1};
    assertThat(hits(new float[][] {boundary, boundary, boundary}, new int[] {4, 5, 6}, 5)).isOne();
    // Above the tie everything counts, and a clear winner is top 1 whatever its index.
    assertThat(hits(new float[][] {{0, 0, 9}, {0, 7, 7}}, new int[] {2, 1}, 1)).isEqualTo(2);
    assertThat(hits(new float[][] {{0, 7, 7}}, new int[] {2}, 1)).isZero();
  }
}
