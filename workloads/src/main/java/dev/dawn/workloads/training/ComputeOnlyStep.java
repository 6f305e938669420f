package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A training session's forward and backward pass alone: every local replica computes its gradients,
 * with no collective, no weight update and no BN statistics update, so nothing changes. Set against
 * the time of a full train step, its time is the computation and the difference the communication
 * the step did not hide behind it.
 */
public final class ComputeOnlyStep {
  /**
   * @param nanosPerStep mean wall time of one run
   * @param gradientSum the sum of every element of every gradient the run computed (of the scaled
   *     loss under loss scaling): the proof that the gradients were computed, and the same number a
   *     train step on the same batch and weights computes
   */
  public record Measurement(long nanosPerStep, float gradientSum) {}

  private final Graph graph;
  private final TrainStepGraph step;
  private final StepInputs inputs;
  private final SessionRuns runs;
  private final SessionOptions options;

  /** Added to the graph on first use, so graphs never measured stay unchanged. */
  private Operand<TFloat32> gradientSum;

  ComputeOnlyStep(
      Graph graph,
      TrainStepGraph step,
      StepInputs inputs,
      SessionRuns runs,
      SessionOptions options) {
    this.graph = graph;
    this.step = step;
    this.inputs = inputs;
    this.runs = runs;
    this.options = options;
  }

  /**
   * Runs the pass on {@code batch} {@code steps} times after one warm-up run. The first call adds
   * the gradient sum to the graph.
   *
   * @param batch what one train step of this process is fed (its share in a cluster)
   */
  public Measurement run(Batch batch, int steps) {
    runs.checkOpen();
    if (steps < 1) {
      throw new IllegalArgumentException("compute-only steps must be >= 1, got " + steps);
    }
    options.replicas().perReplicaBatch(batch.size());
    Operand<TFloat32> sum = gradientSum();
    try (StepFeed feed = inputs.batch(batch, options.spec().numClasses())) {
      long total = 0;
      float value = Float.NaN;
      for (int i = 0; i <= steps; i++) {
        long start = System.nanoTime();
        try (Result result = feed.into(runs.runner()).fetch(sum).run()) {
          if (i > 0) {
            total += System.nanoTime() - start;
          }
          value = ((TFloat32) result.get(0)).getFloat();
        }
      }
      return new Measurement(total / steps, value);
    }
  }

  /**
   * The sum of every gradient element: a fetched value, since a NoOp target with the gradients as
   * control inputs returned in 0.1 ms for a 36 ms step, i.e. the gradients were not computed.
   */
  synchronized Operand<TFloat32> gradientSum() {
    if (gradientSum == null) {
      Ops tf = Ops.create(graph).withSubScope("compute_only");
      List<Operand<TFloat32>> sums = new ArrayList<>();
      for (Operand<TFloat32> g : step.backward) {
        sums.add(tf.sum(tf.reshape(g, tf.constant(new int[] {-1})), tf.constant(0)));
      }
      gradientSum = sums.size() == 1 ? sums.get(0) : tf.withName("gradient_sum").math.addN(sums);
    }
    return gradientSum;
  }
}
