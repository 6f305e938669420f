package dev.dawn.workloads.training.optimizers;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.ArrayList;
import java.util.List;
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
 * A graph with a few vector weights and the loss L = Σ_p ½·Σ_i a_pi·(w_pi − t_pi)², whose gradient
 * a_p ⊙ (w_p − t_p) the tests recompute in plain doubles. The gradients come from TF's own
 * autodiff.
 */
final class QuadraticProblem implements AutoCloseable {

  /** One weight vector: its start value, curvature a, target t, and whether it is decayed. */
  record Weight(
      String name, double[] initial, double[] curvature, double[] target, boolean decayed) {
    double[] gradientAt(double[] w) {
      double[] g = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        g[i] = curvature[i] * (w[i] - target[i]);
      }
      return g;
    }
  }

  private final Graph graph = new Graph();
  private final Session session;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> momentum;
  private final Op update;

  QuadraticProblem(GraphOptimizer optimizer, List<Weight> weights) {
    Ops tf = Ops.create(graph);
    Operand<TFloat32> loss = tf.constant(0f);
    for (Weight w : weights) {
      Variable<TFloat32> v =
          tf.withName(SlotVariables.opName(w.name()))
              .variable(tf.withInitScope().constant(floats(w.initial())));
      variables.add(v);
      Operand<TFloat32> diff = tf.math.sub(v, tf.constant(floats(w.target())));
      Operand<TFloat32> term =
          tf.math.mul(tf.constant(floats(w.curvature())), tf.math.square(diff));
      loss = tf.math.add(loss, tf.math.mul(tf.constant(0.5f), tf.sum(term, tf.constant(0))));
    }
    Gradients gradients = tf.gradients(loss, variables);
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Operand<TFloat32> g = gradients.dy(i);
      parameters.add(
          new Parameter(variables.get(i), g, weights.get(i).decayed(), weights.get(i).name()));
    }
    learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    momentum = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    update = optimizer.applyGradients(tf, parameters, learningRate, momentum);
    session = new Session(graph);
    session.initialize();
  }

  void step(double lr, double m) {
    try (TFloat32 lrT = TFloat32.scalarOf((float) lr);
        TFloat32 mT = TFloat32.scalarOf((float) m)) {
      session.runner().feed(learningRate, lrT).feed(momentum, mT).addTarget(update).run();
    }
  }

  double[] weight(int index) {
    try (Result r = session.runner().fetch(variables.get(index)).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      double[] out = new double[(int) t.shape().size(0)];
      for (int i = 0; i < out.length; i++) {
        out[i] = t.getFloat(i);
      }
      return out;
    }
  }

  Graph graph() {
    return graph;
  }

  static float[] floats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
