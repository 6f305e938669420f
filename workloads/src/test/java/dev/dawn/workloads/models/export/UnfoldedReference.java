package dev.dawn.workloads.models.export;

import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The model itself (inference-mode BN with moving stats) restored from weights: the reference for
 * folding.
 */
final class UnfoldedReference implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Operand<TFloat32> logits;

  private final VariableStore store;

  UnfoldedReference(ModelWeights weights) {
    this(weights.spec());
    store.write(weights);
  }

  /** Freshly initialised (seeded) weights. */
  UnfoldedReference(ModelSpec spec) {
    Ops tf = Ops.create(graph);
    images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
    Model model = Model.build(tf, spec, 99L);
    logits = model.logits(ForwardPass.inference(tf.withSubScope("eval")), images);
    session = new Session(graph);
    session.initialize();
    store = new VariableStore(model, graph, session);
  }

  /**
   * Initial weights with every BN tensor replaced by random values in a plausible range: cheaper
   * than training for big nets, and it still makes folding non-trivial.
   */
  static ModelWeights randomBn(ModelSpec spec, long seed) {
    ModelWeights initial;
    try (UnfoldedReference r = new UnfoldedReference(spec)) {
      initial = r.store.read();
    }
    java.util.Random random = new java.util.Random(seed);
    java.util.List<WeightTensor> tensors = new java.util.ArrayList<>();
    for (WeightTensor t : initial.tensors()) {
      float[] v = t.values().clone();
      if (t.name().contains(".bn.")) {
        boolean variance = t.name().endsWith(".moving_variance");
        for (int i = 0; i < v.length; i++) {
          v[i] =
              variance
                  ? 0.2f + 2f * random.nextFloat()
                  : (float) (0.5 * random.nextGaussian() + 0.3);
        }
      }
      tensors.add(new WeightTensor(t.name(), t.shape(), v));
    }
    return new ModelWeights(spec, tensors);
  }

  float[] logits(float[] nhwc, int n, int resolution) {
    return FoldedModel.Logits.run(
        session.runner(), images, logits, nhwc, n, resolution, resolution, 3);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
