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
 * Layer-wise adaptive rate scaling (You, Gitman, Ginsburg 2017, arXiv 1708.03888) with momentum, in
 * the form of {@code tf.contrib.opt.LARSOptimizer} used by Google's MLPerf ResNet code.
 *
 * <p>For a decayed parameter (conv/dense kernels):
 *
 * <pre>
 *   trust = η·‖w‖ / (‖g‖ + wd·‖w‖ + ε)   if ‖w‖ &gt; 0 and ‖g‖ &gt; 0, else 1
 *   u     = lr·trust·(g + wd·w)
 *   v     = m·v + u
 *   w    -= v                 (plain)
 *   w    -= u + m·v           (Nesterov, with the new v)
 * </pre>
 *
 * Parameters with {@code decayed == false} (BN γ/β, biases) are on the skip list: trust = 1 and no
 * weight decay, i.e. plain momentum {@code v = m·v + lr·g}. Unlike {@link MomentumOptimizer} the
 * learning rate is inside the velocity, as in the paper and in the TF/Paddle implementations.
 */
public final class LarsOptimizer implements GraphOptimizer {

  private final double weightDecay;
  private final double eta;
  private final double epsilon;
  private final boolean nesterov;
  private final double minTrust;
  private final double maxTrust;

  /**
   * @param weightDecay β, coupled L2 coefficient (also enters the trust-ratio denominator)
   * @param eta trust coefficient η, typically 0.001
   * @param epsilon added to the trust-ratio denominator, e.g. 1e-5 (Google MLPerf) or 0
   * @param nesterov use the Nesterov form of the momentum step
   */
  public LarsOptimizer(double weightDecay, double eta, double epsilon, boolean nesterov) {
    this(weightDecay, eta, epsilon, nesterov, 0, Double.POSITIVE_INFINITY);
  }

  /**
   * LARS with the trust ratio clipped to [minTrust, maxTrust] (Alibaba's 2020 entry: [1e-5, 1.0]).
   * The unclipped optimiser is {@code minTrust = 0, maxTrust = +∞}.
   */
  public LarsOptimizer(
      double weightDecay,
      double eta,
      double epsilon,
      boolean nesterov,
      double minTrust,
      double maxTrust) {
    requireFinite("weight decay", weightDecay, 0);
    requireFinite("epsilon", epsilon, 0);
    if (!(eta > 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException(
          "lars: trust coefficient eta must be finite and > 0, got " + eta);
    }
    this.weightDecay = weightDecay;
    this.eta = eta;
    this.epsilon = epsilon;
    this.nesterov = nesterov;
    if (!(minTrust >= 0) || !(maxTrust >= minTrust) || Double.isInfinite(minTrust)) {
      throw new IllegalArgumentException(
          "lars: trust clip needs 0 <= min_trust <= max_trust, got ["
              + minTrust
              + ", "
              + maxTrust
              + "]");
    }
    this.minTrust = minTrust;
    this.maxTrust = maxTrust;
  }

  private static void requireFinite(String what, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "lars: " + what + " must be finite and >= " + min + ", got " + value);
    }
  }

  public double weightDecay() {
    return weightDecay;
  }

  public double eta() {
    return eta;
  }

  public double epsilon() {
    return epsilon;
  }

  public boolean nesterov() {
    return nesterov;
  }

  public double minTrust() {
    return minTrust;
  }

  public double maxTrust() {
    return maxTrust;
  }

  @Override
  public Op applyGradients(
      Ops tf,
      List<Parameter> parameters,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("lars: no parameters to update");
    }
    List<Variable<TFloat32>> velocities = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      velocities.add(SlotVariables.zerosLike(tf, p, name(), "velocity"));
    }
    Ops after = UpdateBarrier.afterAllGradients(tf, parameters);
    // The step size is already inside the update u, so ApplyMomentum's own learning rate is 1.
    Operand<TFloat32> one = after.constant(1f);
    List<Op> updates = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      Operand<TFloat32> step =
          p.decayed()
              ? scaledDecayedGradient(after, p, learningRate)
              : after.math.mul(learningRate, p.gradient());
      updates.add(
          after.train.applyMomentum(
              p.variable(),
              velocities.get(i),
              one,
              step,
              momentum,
              ApplyMomentum.useNesterov(nesterov)));
    }
    return UpdateBarrier.group(tf, updates, name() + "_update");
  }

  /** lr·trust·(g + wd·w) for a parameter that takes part in LARS. */
  private Operand<TFloat32> scaledDecayedGradient(
      Ops tf, Parameter p, Operand<TFloat32> learningRate) {
    Operand<TFloat32> w = p.variable();
    Operand<TFloat32> g = p.gradient();
    Operand<TFloat32> wd = tf.constant((float) weightDecay);
    Operand<TFloat32> wNorm = l2Norm(tf, w);
    Operand<TFloat32> gNorm = l2Norm(tf, g);
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> denominator =
        tf.math.add(tf.math.add(gNorm, tf.math.mul(wd, wNorm)), tf.constant((float) epsilon));
    Operand<TFloat32> ratio =
        tf.math.div(tf.math.mul(tf.constant((float) eta), wNorm), denominator);
    // Select picks per element, so a 0/0 in the branch not taken does not leak out.
    Operand<TFloat32> trust =
        tf.select(
            tf.math.greater(wNorm, zero), tf.select(tf.math.greater(gNorm, zero), ratio, one), one);
    if (minTrust > 0) {
      trust = tf.math.maximum(trust, tf.constant((float) minTrust));
    }
    if (!Double.isInfinite(maxTrust)) {
      trust = tf.math.minimum(trust, tf.constant((float) maxTrust));
    }
    Operand<TFloat32> decayedGradient = weightDecay == 0 ? g : tf.math.add(g, tf.math.mul(wd, w));
    return tf.math.mul(tf.math.mul(learningRate, trust), decayedGradient);
  }

  private static Operand<TFloat32> l2Norm(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1}));
    return tf.math.sqrt(tf.sum(tf.math.square(flat), tf.constant(0)));
  }

  @Override
  public String name() {
    return nesterov ? "lars_nesterov" : "lars";
  }
}
