package dev.dawn.workloads.training.optimizers;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Makes weight updates wait until every gradient has been computed.
 *
 * <p>Reference variables are updated in place, and backprop ops read other layers' weights (e.g.
 * the gradient of layer 1 reads layer 2's kernel). Without this barrier an early ApplyMomentum
 * could change a weight that a later gradient op still reads, so the step would mix old and new
 * weights nondeterministically. The gradients are also data inputs of stateful update ops, so
 * Grappler cannot prune them (TF prunes every op that no fetch or target reaches).
 */
final class UpdateBarrier {

  private UpdateBarrier() {}

  static Ops afterAllGradients(Ops tf, List<Parameter> parameters) {
    List<Op> gradients = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      gradients.add(p.gradient());
    }
    return tf.withControlDependencies(gradients);
  }

  /** One target op that runs all updates; the updates are stateful so they are never pruned. */
  static Op group(Ops tf, List<Op> updates, String name) {
    return tf.withControlDependencies(updates).withName(name).noOp();
  }
}
