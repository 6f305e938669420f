package dev.dawn.workloads.training.optimizers;

import static dev.dawn.workloads.training.optimizers.ReferenceUpdates.assertClose;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * L = ½·(a·b − c)², so each gradient reads the other weight (like backprop reading the next layer's
 * kernel). The update must use the weights from before the step for both gradients.
 */
class CoupledParametersTest {

  private static final double C = 0.5;

  private static double[][] run(GraphOptimizer optimizer, int steps, double lr, double m) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> a =
          tf.withName("a").variable(tf.withInitScope().constant(new float[] {1.0f, 2.0f, -1.0f}));
      Variable<TFloat32> b =
          tf.withName("b").variable(tf.withInitScope().constant(new float[] {0.5f, -0.3f, 0.8f}));
      Operand<TFloat32> dot = tf.sum(tf.math.mul(a, b), tf.constant(0));
      Operand<TFloat32> loss =
          tf.math.mul(tf.constant(0.5f), tf.math.square(tf.math.sub(dot, tf.constant((float) C))));
      Gradients grads = tf.gradients(loss, List.of(a, b));
      Placeholder<TFloat32> lrIn =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TFloat32> mIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Op update =
          optimizer.applyGradients(
              tf,
              List.of(
                  new Parameter(a, grads.dy(0), true, "a"),
                  new Parameter(b, grads.dy(1), true, "b")),
              lrIn,
              mIn);
      try (Session s = new Session(g);
          TFloat32 lrT = TFloat32.scalarOf((float) lr);
          TFloat32 mT = TFloat32.scalarOf((float) m)) {
        s.initialize();
        for (int i = 0; i < steps; i++) {
          s.runner().feed(lrIn, lrT).feed(mIn, mT).addTarget(update).run();
        }
        try (Result r = s.runner().fetch(a).fetch(b).run()) {
          return new double[][] {read((TFloat32) r.get(0)), read((TFloat32) r.get(1))};
        }
      }
    }
  }

  private static double[] read(TFloat32 t) {
    double[] out = new double[(int) t.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = t.getFloat(i);
    }
    return out;
  }

  @Test
  void momentumUsesPreStepWeightsForBothGradients() {
    double[] a = {1.0, 2.0, -1.0};
    double[] b = {0.5, -0.3, 0.8};
    double[] va = new double[3];
    double[] vb = new double[3];
    double lr = 0.05;
    double m = 0.9;
    double wd = 0.01;
    int steps = 8;
    for (int step = 0; step < steps; step++) {
      double residual = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] - C;
      double[] ga = new double[3];
      double[] gb = new double[3];
      for (int i = 0; i < 3; i++) {
        ga[i] = residual * b[i] + wd * a[i];
        gb[i] = residual * a[i] + wd * b[i];
      }
      for (int i = 0; i < 3; i++) {
        va[i] = m * va[i] + ga[i];
        vb[i] = m * vb[i] + gb[i];
        a[i] -= lr * va[i];
        b[i] -= lr * vb[i];
      }
    }
    double[][] actual = run(new MomentumOptimizer(wd, false), steps, lr, m);
    assertClose(actual[0], a, "a");
    assertClose(actual[1], b, "b");
  }
}
