package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class CrossEntropyLossTest {
  private static final float[][] LOGITS = {
    {2f, -1f, 0.5f, 0f}, {-0.3f, 0.2f, 3f, -2f}, {0f, 0f, 0f, 1f}
  };
  private static final int[] LABELS = {0, 2, 1};

  @Test
  void customSparseGradientEqualsOneHotBuiltInGradient() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> logits = tf.variable(tf.withInitScope().constant(LOGITS));
      Operand<TInt32> labels = tf.constant(LABELS);
      Operand<TFloat32> sparse = CrossEntropyLoss.mean(tf, logits, labels, 4, LossSettings.NONE);
      Operand<TFloat32> dense =
          tf.math.mean(
              tf.nn
                  .softmaxCrossEntropyWithLogits(
                      logits, tf.oneHot(labels, tf.constant(4), tf.constant(1f), tf.constant(0f)))
                  .loss(),
              tf.constant(0));
      Operand<TFloat32> sparseGrad = tf.gradients(sparse, List.of(logits)).dy(0);
      Operand<TFloat32> denseGrad = tf.gradients(dense, List.of(logits)).dy(0);
      try (Session s = new Session(g);
          Result r =
              s.runner().fetch(sparse).fetch(dense).fetch(sparseGrad).fetch(denseGrad).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat())
            .isCloseTo(((TFloat32) r.get(1)).getFloat(), within(1e-6f));
        TFloat32 a = (TFloat32) r.get(2);
        TFloat32 b = (TFloat32) r.get(3);
        for (int i = 0; i < LOGITS.length; i++) {
          for (int k = 0; k < 4; k++) {
            assertThat(a.getFloat(i, k)).isCloseTo(b.getFloat(i, k), within(1e-7f));
            assertThat(a.getFloat(i, k)).isCloseTo(expectedGradient(i, k), within(1e-6f));
          }
        }
      }
    }
  }

  @Test
  void labelSmoothingMatchesTheSmoothedTargetFormula() {
    double eps = 0.1;
    double expected = 0;
    for (int i = 0; i < LOGITS.length; i++) {
      double[] logP = logSoftmax(LOGITS[i]);
      for (int k = 0; k < 4; k++) {
        double target = (k == LABELS[i] ? 1 - eps : 0) + eps / 4;
        expected -= target * logP[k];
      }
    }
    expected /= LOGITS.length;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> loss =
          CrossEntropyLoss.mean(
              tf, tf.constant(LOGITS), tf.constant(LABELS), 4, new LossSettings(eps));
      try (Session s = new Session(g);
          Result r = s.runner().fetch(loss).run()) {
        assertThat((double) ((TFloat32) r.get(0)).getFloat()).isCloseTo(expected, within(1e-5));
      }
    }
  }

  private static float expectedGradient(int i, int k) {
    double[] logP = logSoftmax(LOGITS[i]);
    return (float) ((Math.exp(logP[k]) - (k == LABELS[i] ? 1 : 0)) / LOGITS.length);
  }

  private static double[] logSoftmax(float[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : row) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : row) {
      sum += Math.exp(v - max);
    }
    double[] out = new double[row.length];
    for (int k = 0; k < row.length; k++) {
      out[k] = row[k] - max - Math.log(sum);
    }
    return out;
  }
}
