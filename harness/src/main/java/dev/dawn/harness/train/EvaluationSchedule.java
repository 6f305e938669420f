package dev.dawn.harness.train;

import dev.dawn.harness.config.EvaluationInterval;
import dev.dawn.harness.config.TrainConfig;
import java.io.IOException;

/**
 * Where a run evaluates, from {@code train.evalEveryEpochs}: N times per epoch at evenly spaced
 * step boundaries (the last at the epoch's end), or at the end of every N-th epoch and of the last
 * epoch (so a run always ends evaluated). A boundary within an epoch falls on a whole update when
 * gradients are accumulated.
 */
final class EvaluationSchedule {
  /** Evaluates at a point within an epoch; true when the run should stop there (target reached). */
  interface WithinEpoch {
    boolean evaluate(int epoch, double position) throws IOException;
  }

  private final int perEpoch;
  private final int epochsBetween;
  private final int lastEpoch;
  private final int stepsPerUpdate;

  EvaluationSchedule(int perEpoch, int epochsBetween, int lastEpoch, int stepsPerUpdate) {
    this.perEpoch = perEpoch;
    this.epochsBetween = epochsBetween;
    this.lastEpoch = lastEpoch;
    this.stepsPerUpdate = stepsPerUpdate;
  }

  static EvaluationSchedule of(TrainConfig.TrainingConfig t) {
    return new EvaluationSchedule(
        EvaluationInterval.perEpoch(t.evalEveryEpochs()),
        EvaluationInterval.epochsBetween(t.evalEveryEpochs()),
        t.epochs(),
        t.accumulationSteps());
  }

  /** Whether the end of {@code epoch} (1-based) is evaluated. */
  boolean atEndOf(int epoch) {
    return epoch % epochsBetween == 0 || epoch == lastEpoch;
  }

  /**
   * Whether to evaluate after {@code stepsDone} of the epoch's {@code steps} (micro-)batches,
   * before the epoch ends. Boundaries that coincide (fewer steps than evaluations) count once.
   */
  boolean withinEpochAfter(int stepsDone, int steps) {
    if (stepsDone <= 0 || stepsDone >= steps) return false;
    for (int k = 1; k < perEpoch; k++) {
      long updates = Math.round((double) k * steps / ((double) perEpoch * stepsPerUpdate));
      if (updates * stepsPerUpdate == stepsDone) return true;
    }
    return false;
  }

  /** Epochs trained after {@code stepsDone} of {@code steps} of {@code epoch}, e.g. 6.5. */
  static double position(int epoch, int stepsDone, int steps) {
    return (epoch - 1) + (double) stepsDone / steps;
  }
}
