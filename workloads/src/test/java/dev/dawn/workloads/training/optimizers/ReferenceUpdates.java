package dev.dawn.workloads.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.workloads.training.optimizers.QuadraticProblem.Weight;

/**
 * The update rules written out in plain doubles, independent of the graph code, plus a tolerant
 * comparison.
 */
final class ReferenceUpdates {

  private ReferenceUpdates() {}

  /** State of one weight vector under a reference optimiser. */
  static final class State {
    final Weight weight;
    final double[] w;
    final double[] v;

    State(Weight weight) {
      this.weight = weight;
      this.w = weight.initial().clone();
      this.v = new double[w.length];
    }
  }

  /** TF MomentumOptimizer: v = m·v + g'; w -= lr·v, or w -= lr·(g' + m·v) with Nesterov. */
  static void momentumStep(State s, double lr, double m, double wd, boolean nesterov) {
    double[] g = s.weight.gradientAt(s.w);
    for (int i = 0; i < s.w.length; i++) {
      double gd = s.weight.decayed() ? g[i] + wd * s.w[i] : g[i];
      s.v[i] = m * s.v[i] + gd;
      s.w[i] -= nesterov ? lr * (gd + m * s.v[i]) : lr * s.v[i];
    }
  }

  /** The LARS trust ratio with the zero-norm fallbacks of tf.contrib.opt.LARSOptimizer. */
  static double trustRatio(double[] w, double[] g, double wd, double eta, double epsilon) {
    double wNorm = norm(w);
    double gNorm = norm(g);
    if (wNorm > 0 && gNorm > 0) {
      return eta * wNorm / (gNorm + wd * wNorm + epsilon);
    }
    return 1.0;
  }

  /** LARS step; parameters that are not decayed get trust 1 and no decay. */
  static void larsStep(
      State s, double lr, double m, double wd, double eta, double epsilon, boolean nesterov) {
    double[] g = s.weight.gradientAt(s.w);
    double trust = s.weight.decayed() ? trustRatio(s.w, g, wd, eta, epsilon) : 1.0;
    double decay = s.weight.decayed() ? wd : 0.0;
    for (int i = 0; i < s.w.length; i++) {
      double u = lr * trust * (g[i] + decay * s.w[i]);
      s.v[i] = m * s.v[i] + u;
      s.w[i] -= nesterov ? u + m * s.v[i] : s.v[i];
    }
  }

  static double norm(double[] x) {
    double sum = 0;
    for (double value : x) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }

  /**
   * Float32 graph vs double reference: 1e-5 relative, with a small absolute floor for values near
   * zero.
   */
  static void assertClose(double[] actual, double[] expected, String what) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-5 * Math.abs(expected[i]) + 1e-6;
      assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(tolerance));
    }
  }
}
