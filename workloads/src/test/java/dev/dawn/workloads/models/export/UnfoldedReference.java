package dev.dawn.workloads.models.export;

import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The model itself (inference-mode BN with moving stats) restored from weights: the reference for folding. */
final class UnfoldedReference implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Operand<TFloat32> logits;

  UnfoldedReference(ModelWeights weights) {
    Ops tf = Ops.create(graph);
    images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
    Model model = Model.build(tf, weights.spec(), 99L);
    logits = model.logits(ForwardPass.inference(tf.withSubScope("eval")), images);
    session = new Session(graph);
    session.initialize();
    new VariableStore(model, graph, session).write(weights);
  }

  float[] logits(float[] nhwc, int n, int resolution) {
    return FoldedModel.Logits.run(session.runner(), images, logits, nhwc, n, resolution, resolution, 3);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
