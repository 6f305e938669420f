package dev.dawn.workloads.inference.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.training.TopKHits;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Inference (top 5 in Java, {@link TopK}) and training evaluation (in the graph, {@link TopKHits})
 * count top-k by one rule: descending logits, equal logits by lower class index first.
 */
class TopKTieRuleTest {
  static int[] javaTop(float[] row, int k) {
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(1, row.length))) {
      for (int c = 0; c < row.length; c++) t.setFloat(row[c], 0, c);
      return TopK.of(t, row.length, k);
    }
  }

  static int graphHits(float[][] logits, int[] labels, int k) {
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
  void tiesGoToTheLowerClassIndex() {
    assertThat(javaTop(new float[] {1, 1, 1, 1, 1, 1}, 5)).containsExactly(0, 1, 2, 3, 4);
    assertThat(javaTop(new float[] {1, 1, 1, 5, 4, 3, 2}, 5)).containsExactly(3, 4, 5, 6, 0);
    assertThat(javaTop(new float[] {0, 7, 7}, 1)).containsExactly(1);
  }

  @Test
  void inferenceAndTrainingEvaluationAgreeOnLogitsFullOfTies() {
    Random random = new Random(7);
    int rows = 300;
    int classes = 12;
    int k = 5;
    float[][] logits = new float[rows][classes];
    for (float[] row : logits) {
      for (int c = 0; c < classes; c++)
        row[c] = random.nextInt(3); // three values over 12 classes: ties everywhere
    }
    int[][] top = new int[rows][];
    for (int i = 0; i < rows; i++) top[i] = javaTop(logits[i], k + 1);
    // Each of the Java top 5 is a graph hit, and the 6th (the first left out, usually tied with the
    // 5th) is not.
    for (int place = 0; place <= k; place++) {
      int[] labels = new int[rows];
      for (int i = 0; i < rows; i++) labels[i] = top[i][place];
      assertThat(graphHits(logits, labels, k))
          .as("place %d", place + 1)
          .isEqualTo(place < k ? rows : 0);
    }
  }
}
