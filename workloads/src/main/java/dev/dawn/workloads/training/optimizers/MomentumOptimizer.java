package dev.dawn.workloads.training.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * SGD with momentum in TensorFlow's formulation, with coupled L2 weight decay on the parameters
 * marked decayed.
 *
 * <pre>
 *   g' = g + wd·w          (only if the parameter is decayed)
 *   v  = m·v + g'
 *   w -= lr·v              (plain)
 *   w -= lr·(g' + m·v)     (Nesterov, with the new v)
 * </pre>
 *
 * The learning rate stays outside the velocity (as in {@code tf.train.MomentumOptimizer}), so a
 * learning-rate change needs no "momentum correction" (Goyal et al. 2017) when the schedule moves
 * between steps.
 */
public final class MomentumOptimizer implements GraphOptimizer {

  private final double weightDecay;
  private final boolean nesterov;

  public MomentumOptimizer(double weightDecay, boolean nesterov) {
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException(
          "momentum optimizer: weight decay must be finite and >= 0, got " + weightDecay);
    }
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  public double weightDecay() {
    return weightDecay;
  }

  public boolean nesterov() {
    return nesterov;
  }

  @Override
  public Op applyGradients(
      Ops tf,
      List<Parameter> parameters,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("momentum optimizer: no parameters to update");
    }
    List<Variable<TFloat32>> velocities = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      velocities.add(SlotVariables.zerosLike(tf, p, name(), "velocity"));
    }
    Ops after = UpdateBarrier.afterAllGradients(tf, parameters);
    Operand<TFloat32> wd = after.constant((float) weightDecay);
    List<Op> updates = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      Operand<TFloat32> grad = p.gradient();
      if (p.decayed() && weightDecay != 0) {
        grad = after.math.add(grad, after.math.mul(wd, p.variable()));
      }
      updates.add(
          after.train.applyMomentum(
              p.variable(),
              velocities.get(i),
              learningRate,
              grad,
              momentum,
              ApplyMomentum.useNesterov(nesterov)));
    }
    return UpdateBarrier.group(tf, updates, name() + "_update");
  }

  @Override
  public String name() {
    return nesterov ? "nesterov_momentum" : "momentum";
  }
}
