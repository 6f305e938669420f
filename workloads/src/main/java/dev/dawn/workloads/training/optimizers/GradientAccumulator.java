package dev.dawn.workloads.training.optimizers;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Gradient accumulation: run {@link #accumulate()} once per micro-batch (feeding that micro-batch),
 * then {@link #applyMean()} once to update the weights with the mean of the accumulated gradients
 * and clear the sums.
 *
 * <p>With a mean-reduced loss and no batch-dependent layers, k micro-batches of n give the same
 * update as one batch of k·n. Batch norm breaks this equivalence (its statistics are per
 * micro-batch), like ghost BN.
 */
public final class GradientAccumulator {

  private static final String SCOPE = "grad_accum";

  private final Op accumulate;
  private final Op applyMean;
  private final Variable<TFloat32> microBatches;
  private final List<Variable<TFloat32>> sums;

  /**
   * @param parameters the weights with the gradient of one micro-batch's loss
   * @param optimizer applies the mean gradient; its own state (velocities) is created here too
   */
  public GradientAccumulator(
      Ops tf,
      List<Parameter> parameters,
      GraphOptimizer optimizer,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("gradient accumulator: no parameters");
    }
    microBatches = SlotVariables.scalarZero(tf, SCOPE, "micro_batches");
    sums = new ArrayList<>(parameters.size());
    List<Op> adds = new ArrayList<>();
    for (Parameter p : parameters) {
      Variable<TFloat32> sum = SlotVariables.zerosLike(tf, p, SCOPE, "gradient_sum");
      sums.add(sum);
      adds.add(tf.assignAdd(sum, p.gradient()));
    }
    adds.add(tf.assignAdd(microBatches, tf.constant(1f)));
    accumulate = UpdateBarrier.group(tf, adds, SCOPE + "_add");

    // Dividing by a zero count would silently write NaN into every weight, so fail loudly instead.
    Op someAccumulated =
        tf.assertThat(
            tf.math.greater(microBatches, tf.constant(0f)),
            List.of(
                tf.constant(
                    "gradient accumulator: applyMean ran before any micro-batch was accumulated")));
    Ops guarded = tf.withControlDependencies(List.of(someAccumulated));
    List<Parameter> means = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      means.add(
          new Parameter(
              p.variable(), guarded.math.div(sums.get(i), microBatches), p.decayed(), p.name()));
    }
    Op update = optimizer.applyGradients(tf, means, learningRate, momentum);

    Ops afterUpdate = tf.withControlDependencies(List.of(update));
    List<Op> clears = new ArrayList<>();
    for (Variable<TFloat32> sum : sums) {
      clears.add(afterUpdate.assign(sum, afterUpdate.zerosLike(sum)));
    }
    clears.add(afterUpdate.assign(microBatches, afterUpdate.constant(0f)));
    applyMean = UpdateBarrier.group(tf, clears, SCOPE + "_apply");
  }

  /** Adds the current micro-batch's gradients to the sums; run with that micro-batch fed. */
  public Op accumulate() {
    return accumulate;
  }

  /** Applies the mean gradient through the optimizer, then zeroes the sums and the count. */
  public Op applyMean() {
    return applyMean;
  }

  /** How many micro-batches are in the sums (a float scalar, for logs and checks). */
  Variable<TFloat32> microBatches() {
    return microBatches;
  }

  /**
   * Its variables: the gradient sums (in parameter order), then the micro-batch count; what must be
   * kept to continue an update whose micro-batches are not all in yet.
   */
  public List<Variable<TFloat32>> state() {
    List<Variable<TFloat32>> state = new ArrayList<>(sums);
    state.add(microBatches);
    return state;
  }
}
