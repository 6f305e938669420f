package dev.dawn.workloads.training.optimizers;

import static dev.dawn.workloads.training.optimizers.ReferenceUpdates.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.workloads.training.optimizers.QuadraticProblem.Weight;
import dev.dawn.workloads.training.optimizers.ReferenceUpdates.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class LarsOptimizerTest {

  private static final double[] LR = {1.0, 2.0, 1.5, 0.5, 3.0};
  private static final double[] MOM = {0.9, 0.9, 0.95, 0.98, 0.85};

  // eta is large here so that the trust ratio is far from 1 and a wrong ratio moves the weights
  // visibly.
  private static final double ETA = 0.2;

  private static Weight kernel() {
    return new Weight(
        "conv1/kernel",
        new double[] {1.0, -2.0, 0.5, 3.0},
        new double[] {1.0, 3.0, 0.5, 2.0},
        new double[] {0.2, 0.4, -1.0, 0.0},
        true);
  }

  private static Weight batchNormGamma() {
    return new Weight(
        "bn1/gamma",
        new double[] {0.3, -0.7},
        new double[] {2.0, 0.25},
        new double[] {-0.5, 1.5},
        false);
  }

  private static void runAndCompare(LarsOptimizer lars, List<Weight> weights) {
    List<State> reference = weights.stream().map(State::new).toList();
    try (QuadraticProblem problem = new QuadraticProblem(lars, weights)) {
      for (int step = 0; step < LR.length; step++) {
        double[][] before = new double[weights.size()][];
        for (int p = 0; p < weights.size(); p++) {
          before[p] = problem.weight(p);
        }
        problem.step(LR[step], MOM[step]);
        for (int p = 0; p < weights.size(); p++) {
          State s = reference.get(p);
          double[] expectedBefore = s.w.clone();
          ReferenceUpdates.larsStep(
              s,
              LR[step],
              MOM[step],
              lars.weightDecay(),
              lars.eta(),
              lars.epsilon(),
              lars.nesterov());
          double[] actual = problem.weight(p);
          String what = weights.get(p).name() + " after step " + step;
          assertClose(actual, s.w, what);
          // Compare the step itself too: it is small next to w, so this is the sensitive check of
          // the trust ratio.
          for (int i = 0; i < actual.length; i++) {
            double expectedDelta = s.w[i] - expectedBefore[i];
            double actualDelta = actual[i] - before[p][i];
            assertThat(actualDelta)
                .as("%s delta[%d]", what, i)
                .isCloseTo(expectedDelta, within(1e-4 * Math.abs(expectedDelta) + 2e-6));
          }
        }
      }
    }
  }

  @Test
  void larsMatchesTheFormulaWithDecayAndMomentum() {
    runAndCompare(new LarsOptimizer(0.01, ETA, 1e-5, false), List.of(kernel(), batchNormGamma()));
  }

  @Test
  void nesterovLarsMatchesTheFormula() {
    runAndCompare(new LarsOptimizer(0.01, ETA, 1e-5, true), List.of(kernel(), batchNormGamma()));
  }

  @Test
  void trustRatioOfTheFirstStepByHand() {
    // w = (3, 4): |w| = 5; a = 1, t = 0 -> g = w, |g| = 5. wd = 0.1, eta = 0.2, eps = 0:
    // trust = 0.2*5 / (5 + 0.5) = 1/5.5; u = lr*trust*(g + 0.1 w) = 1.1 w / 5.5 = 0.2 w -> w = 0.8
    // w = (2.4, 3.2).
    Weight w = new Weight("w", new double[] {3, 4}, new double[] {1, 1}, new double[] {0, 0}, true);
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(0.1, 0.2, 0.0, false), List.of(w))) {
      p.step(1.0, 0.9);
      assertClose(p.weight(0), new double[] {2.4, 3.2}, "w");
    }
  }

  @Test
  void trustRatioCanBeClipped() {
    // As above the raw trust is 1/5.5 ≈ 0.18; clipped to 0.1: u = 0.1·1.1·w = 0.11 w -> w = 0.89 w.
    Weight w = new Weight("w", new double[] {3, 4}, new double[] {1, 1}, new double[] {0, 0}, true);
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(0.1, 0.2, 0.0, false, 1e-5, 0.1), List.of(w))) {
      p.step(1.0, 0.9);
      assertClose(p.weight(0), new double[] {3 * 0.89, 4 * 0.89}, "w");
    }
    // Lower bound: eta tiny -> raw trust ≈ 9.1e-4, clipped up to 0.5: u = 0.5·1.1·w -> w = 0.45 w.
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(0.1, 1e-3, 0.0, false, 0.5, 1.0), List.of(w))) {
      p.step(1.0, 0.9);
      assertClose(p.weight(0), new double[] {3 * 0.45, 4 * 0.45}, "w");
    }
    assertThatThrownBy(() -> new LarsOptimizer(0, 1e-3, 0, false, 1.0, 0.5))
        .hasMessageContaining("trust clip");
  }

  @Test
  void epsilonGuardEntersTheDenominator() {
    double epsilon = 2.0; // large on purpose, so that leaving it out would be visible
    LarsOptimizer lars = new LarsOptimizer(0.01, ETA, epsilon, false);
    runAndCompare(lars, List.of(kernel()));
    // And by hand: w = (3, 4), g = w, wd = 0: trust = 0.2*5/(5 + 2) = 1/7, so w = w*(1 - 1/7).
    Weight w = new Weight("w", new double[] {3, 4}, new double[] {1, 1}, new double[] {0, 0}, true);
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(0.0, 0.2, epsilon, false), List.of(w))) {
      p.step(1.0, 0.9);
      assertClose(p.weight(0), new double[] {3 * 6.0 / 7, 4 * 6.0 / 7}, "w");
    }
  }

  @Test
  void zeroWeightNormFallsBackToTrustOne() {
    // w = 0 -> trust 1: g = a*(0 - t) = (-2, 3); v = lr*g; w = -v = (1.0, -1.5) with lr 0.5.
    Weight zero =
        new Weight("w", new double[] {0, 0}, new double[] {1, 1}, new double[] {2, -3}, true);
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(0.1, 0.001, 0.0, false), List.of(zero))) {
      p.step(0.5, 0.9);
      assertClose(p.weight(0), new double[] {1.0, -1.5}, "w");
    }
  }

  @Test
  void zeroGradientNormFallsBackToTrustOne() {
    // w = t -> g = 0, trust 1; u = lr*wd*w = 0.5*0.1*(2, -3); w = (2, -3)*(1 - 0.05) = (1.9,
    // -2.85).
    Weight atTarget =
        new Weight("w", new double[] {2, -3}, new double[] {1, 1}, new double[] {2, -3}, true);
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(0.1, 0.001, 0.0, false), List.of(atTarget))) {
      p.step(0.5, 0.9);
      assertClose(p.weight(0), new double[] {1.9, -2.85}, "w");
    }
  }

  @Test
  void excludedParametersGetPlainMomentumWithoutDecayOrTrustRatio() {
    Weight gamma = batchNormGamma();
    double wd = 0.5;
    double[] w = gamma.initial().clone();
    double[] v = new double[w.length];
    try (QuadraticProblem p =
        new QuadraticProblem(new LarsOptimizer(wd, 0.001, 1e-5, false), List.of(gamma))) {
      for (int step = 0; step < LR.length; step++) {
        p.step(LR[step] * 0.1, MOM[step]);
        double[] g = gamma.gradientAt(w);
        for (int i = 0; i < w.length; i++) {
          v[i] = MOM[step] * v[i] + LR[step] * 0.1 * g[i];
          w[i] -= v[i];
        }
        assertClose(p.weight(0), w, "gamma after step " + step);
      }
    }
  }

  @Test
  void rejectsBadHyperparameters() {
    assertThatThrownBy(() -> new LarsOptimizer(-1, 0.001, 0, false))
        .hasMessageContaining("weight decay");
    assertThatThrownBy(() -> new LarsOptimizer(1e-4, 0, 0, false)).hasMessageContaining("eta");
    assertThatThrownBy(() -> new LarsOptimizer(1e-4, 0.001, Double.NaN, false))
        .hasMessageContaining("epsilon");
  }
}
