package dev.dawn.workloads.training;

import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Test-only optimizer: w -= lr * (g + wd * w) for decayed weights; momentum is ignored. */
final class PlainSgd implements GraphOptimizer {
  private final float weightDecay;

  PlainSgd(float weightDecay) {
    this.weightDecay = weightDecay;
  }

  @Override
  public Op applyGradients(
      Ops tf,
      List<Parameter> parameters,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum) {
    List<Op> updates = new ArrayList<>();
    for (Parameter p : parameters) {
      Operand<TFloat32> g = p.gradient();
      if (p.decayed() && weightDecay != 0f) {
        g = tf.math.add(g, tf.math.mul(p.variable(), tf.constant(weightDecay)));
      }
      updates.add(tf.train.applyGradientDescent(p.variable(), learningRate, g));
    }
    return tf.withControlDependencies(updates).noOp();
  }

  @Override
  public String name() {
    return "plain-sgd";
  }
}
