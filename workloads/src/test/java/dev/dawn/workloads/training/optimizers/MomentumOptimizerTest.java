package dev.dawn.workloads.training.optimizers;

import static dev.dawn.workloads.training.optimizers.ReferenceUpdates.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.training.optimizers.QuadraticProblem.Weight;
import dev.dawn.workloads.training.optimizers.ReferenceUpdates.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentumOptimizerTest {

  // Per-step learning rates and momenta change so that the test sees lr applied outside the
  // velocity.
  private static final double[] LR = {0.1, 0.2, 0.15, 0.05, 0.3, 0.1};
  private static final double[] MOM = {0.9, 0.9, 0.95, 0.98, 0.9, 0.85};

  private static Weight kernel(boolean decayed) {
    return new Weight(
        "kernel",
        new double[] {1.0, -2.0, 0.5},
        new double[] {1.0, 3.0, 0.5},
        new double[] {0.2, 0.4, -1.0},
        decayed);
  }

  private static Weight bias(boolean decayed) {
    return new Weight(
        "bias",
        new double[] {0.3, -0.7},
        new double[] {2.0, 0.25},
        new double[] {-0.5, 1.5},
        decayed);
  }

  private static void runAndCompare(double wd, boolean nesterov, List<Weight> weights) {
    List<State> reference = weights.stream().map(State::new).toList();
    try (QuadraticProblem problem =
        new QuadraticProblem(new MomentumOptimizer(wd, nesterov), weights)) {
      for (int step = 0; step < LR.length; step++) {
        problem.step(LR[step], MOM[step]);
        for (int p = 0; p < weights.size(); p++) {
          ReferenceUpdates.momentumStep(reference.get(p), LR[step], MOM[step], wd, nesterov);
          assertClose(
              problem.weight(p), reference.get(p).w, weights.get(p).name() + " after step " + step);
        }
      }
    }
  }

  @Test
  void plainMomentumMatchesTheFormula() {
    runAndCompare(0.0, false, List.of(kernel(true), bias(false)));
  }

  @Test
  void nesterovMomentumMatchesTheFormula() {
    runAndCompare(0.0, true, List.of(kernel(true), bias(false)));
  }

  @Test
  void weightDecayAppliesOnlyToDecayedParameters() {
    runAndCompare(0.1, false, List.of(kernel(true), bias(false)));
    runAndCompare(0.1, true, List.of(kernel(false), bias(true)));
  }

  @Test
  void decayChangesTheDecayedWeightAndLeavesTheOtherAlone() {
    double[] decayedKernel;
    double[] undecayedBias;
    double[] plainKernel;
    double[] plainBias;
    try (QuadraticProblem p =
        new QuadraticProblem(
            new MomentumOptimizer(0.5, false), List.of(kernel(true), bias(false)))) {
      p.step(0.1, 0.9);
      p.step(0.1, 0.9);
      decayedKernel = p.weight(0);
      undecayedBias = p.weight(1);
    }
    try (QuadraticProblem p =
        new QuadraticProblem(
            new MomentumOptimizer(0.0, false), List.of(kernel(true), bias(false)))) {
      p.step(0.1, 0.9);
      p.step(0.1, 0.9);
      plainKernel = p.weight(0);
      plainBias = p.weight(1);
    }
    assertThat(decayedKernel).isNotEqualTo(plainKernel);
    assertThat(undecayedBias).isEqualTo(plainBias);
    assertThat(plainKernel).isNotEqualTo(kernel(true).initial());
  }

  @Test
  void firstStepByHand() {
    // w = 1, a = 2, t = 0 -> g = 2; wd 0.5 -> g' = 2.5; v = 2.5; w = 1 - 0.1*2.5 = 0.75.
    Weight w = new Weight("w", new double[] {1.0}, new double[] {2.0}, new double[] {0.0}, true);
    try (QuadraticProblem p = new QuadraticProblem(new MomentumOptimizer(0.5, false), List.of(w))) {
      p.step(0.1, 0.9);
      assertClose(p.weight(0), new double[] {0.75}, "w");
      // g = 2*0.75 = 1.5, g' = 1.875, v = 0.9*2.5 + 1.875 = 4.125, w = 0.75 - 0.2*4.125 = -0.075
      p.step(0.2, 0.9);
      assertClose(p.weight(0), new double[] {-0.075}, "w");
    }
    try (QuadraticProblem p = new QuadraticProblem(new MomentumOptimizer(0.5, true), List.of(w))) {
      // Nesterov: v = 2.5, w = 1 - 0.1*(2.5 + 0.9*2.5) = 0.525
      p.step(0.1, 0.9);
      assertClose(p.weight(0), new double[] {0.525}, "w");
    }
  }

  @Test
  void rejectsNegativeWeightDecay() {
    assertThatThrownBy(() -> new MomentumOptimizer(-1e-4, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight decay");
  }

  @Test
  void namesItself() {
    assertThat(new MomentumOptimizer(0, false).name()).isEqualTo("momentum");
    assertThat(new MomentumOptimizer(0, true).name()).isEqualTo("nesterov_momentum");
  }
}
