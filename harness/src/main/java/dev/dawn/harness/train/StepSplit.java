package dev.dawn.harness.train;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.training.ComputeOnlyStep;
import dev.dawn.workloads.training.TrainingSession;

/**
 * Where a data-parallel step's time goes, measured once per epoch after its training (outside the
 * training clock, like evaluation): the epoch's last batch is run {@link #PROBE_STEPS} times
 * forward and backward with no collective and no update ({@link ComputeOnlyStep}); the epoch's mean
 * step time minus that is the communication (and update) the step did not hide behind computation.
 * Nothing is measured when nothing is all-reduced (one replica, one worker): both are null.
 *
 * @param computeMs forward and backward of one step alone, ms
 * @param exposedCommMs mean step time minus {@code computeMs}, at least 0, ms
 */
record StepSplit(Double computeMs, Double exposedCommMs) {
  static final int PROBE_STEPS = 3;
  static final StepSplit NONE = new StepSplit(null, null);

  static StepSplit measure(
      TrainingSession session, Batch lastBatch, double meanStepMs, boolean allReduces) {
    if (!allReduces || lastBatch == null || !Double.isFinite(meanStepMs)) return NONE;
    long nanos;
    try {
      nanos = session.computeOnlyStep().run(lastBatch, PROBE_STEPS).nanosPerStep();
    } catch (IllegalArgumentException unevenBatch) {
      return NONE; // a last batch shortened by undecodable images does not split over replicas
    }
    double compute = nanos / 1e6;
    return new StepSplit(compute, Math.max(0, meanStepMs - compute));
  }
}
