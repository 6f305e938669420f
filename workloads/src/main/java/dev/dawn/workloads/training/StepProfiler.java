package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.profile.StepTracer;
import dev.dawn.workloads.profile.TracedOps;

/** Where a training session's train step spends its time, per op, from TensorFlow's tracing. */
public final class StepProfiler {
  private final TrainStepGraph step;
  private final StepInputs inputs;
  private final SessionRuns runs;
  private final SessionOptions options;

  StepProfiler(TrainStepGraph step, StepInputs inputs, SessionRuns runs, SessionOptions options) {
    this.step = step;
    this.inputs = inputs;
    this.runs = runs;
    this.options = options;
  }

  /**
   * Runs {@code steps} train steps on {@code batch} with tracing on (the weights are updated, as by
   * {@link TrainingSession#trainStep}) and returns where their time went per op.
   */
  public TracedOps trainSteps(Batch batch, float lr, float momentum, int steps) {
    runs.checkOpen();
    try (StepFeed feed = inputs.step(batch, options.spec().numClasses(), lr, momentum)) {
      return StepTracer.trace(
          "train " + options.precision().precision().configName(),
          steps,
          () -> feed.into(runs.plainRunner()).addTarget(step.trainStep).fetch(step.loss));
    }
  }
}
