package dev.dawn.workloads.training.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Merge;
import org.tensorflow.op.core.SwitchCond;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Loss scaling around another optimizer, in-graph, as TF's {@code LossScaleOptimizer} does. The
 * training graph differentiates {@link #scaleLoss scaleLoss(loss)} = S·loss; {@link
 * #applyGradients} divides the gradients by S and hands them to the wrapped optimizer.
 *
 * <p>Dynamic scaling: S is a non-trainable float32 variable. When every gradient is finite the
 * update runs and a good-step counter grows; after {@code growthInterval} good steps S doubles
 * (unless that overflows) and the counter resets. When any gradient is NaN or ±Inf the update is
 * skipped — weights and optimizer slots are untouched — S halves (not below 1) and the counter
 * resets. The skip is a Switch on the gradients: with a false predicate the wrapped optimizer's
 * update ops receive dead tensors and do not run (TF v1 {@code cond} works the same way); a Merge
 * then joins both branches into a live "applied" flag that drives the scale update, so the returned
 * op always completes.
 *
 * <p>With {@link GradientAccumulator} this wraps the optimizer inside the accumulator: S only
 * changes when the mean gradient is applied, so every micro-batch of one update used the same S and
 * the sums divide cleanly; an overflow in any micro-batch makes the sum non-finite and skips that
 * whole update (the accumulator still clears its sums).
 */
public final class LossScaleOptimizer implements GraphOptimizer {
  private static final String SCOPE = "loss_scale";

  private final GraphOptimizer inner;
  private final LossScaling settings;

  /** Dynamic: a variable; fixed: a constant. */
  private final Operand<TFloat32> scale;

  private final Variable<TFloat32> scaleVariable;
  private final Variable<TInt64> goodSteps;
  private final Variable<TInt64> skippedUpdates;

  /**
   * @param settings FIXED or DYNAMIC; the variables are created in {@code tf}'s graph
   */
  public LossScaleOptimizer(Ops tf, GraphOptimizer inner, LossScaling settings) {
    if (inner == null || settings == null || !settings.isEnabled()) {
      throw new IllegalArgumentException(
          "loss scale optimizer needs an optimizer and a FIXED or DYNAMIC scaling, got "
              + settings);
    }
    this.inner = inner;
    this.settings = settings;
    Ops scope = tf.withSubScope(SCOPE);
    Ops init = tf.withInitScope();
    if (settings.mode() == LossScaling.Mode.DYNAMIC) {
      scaleVariable = scope.withName("scale").variable(init.constant(settings.initialScale()));
      goodSteps = scope.withName("good_steps").variable(init.constant(0L));
      skippedUpdates = scope.withName("skipped_updates").variable(init.constant(0L));
      scale = scaleVariable;
    } else {
      scaleVariable = null;
      goodSteps = null;
      skippedUpdates = null;
      scale = scope.withName("scale").constant(settings.initialScale());
    }
  }

  /**
   * S·loss, the objective to differentiate; fetch the unscaled loss for logs and divergence checks.
   */
  public Operand<TFloat32> scaleLoss(Ops tf, Operand<TFloat32> loss) {
    return tf.math.mul(loss, scale);
  }

  /** The current scale: a variable under dynamic scaling, a constant under a fixed one. */
  public Operand<TFloat32> scale() {
    return scale;
  }

  /** Skipped-update counter; null under a fixed scale, which never skips. */
  public Variable<TInt64> skippedUpdates() {
    return skippedUpdates;
  }

  public LossScaling settings() {
    return settings;
  }

  /**
   * @param parameters gradients of the scaled loss
   */
  @Override
  public Op applyGradients(
      Ops tf,
      List<Parameter> parameters,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("loss scale optimizer: no parameters to update");
    }
    Ops after = UpdateBarrier.afterAllGradients(tf, parameters).withSubScope(SCOPE);
    List<Parameter> unscaled = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      unscaled.add(
          new Parameter(p.variable(), after.math.div(p.gradient(), scale), p.decayed(), p.name()));
    }
    if (settings.mode() == LossScaling.Mode.FIXED) {
      return inner.applyGradients(tf, unscaled, learningRate, momentum);
    }

    Operand<TBool> finite = allFinite(after, unscaled);
    List<Parameter> gated = new ArrayList<>(unscaled.size());
    for (Parameter p : unscaled) {
      Operand<TFloat32> live = after.switchCond(p.gradient(), finite).outputTrue();
      gated.add(new Parameter(p.variable(), live, p.decayed(), p.name()));
    }
    Op update = inner.applyGradients(tf, gated, learningRate, momentum);

    // Join the branches: true once the update ran, false when it was skipped; live either way.
    SwitchCond<TBool> pivot = after.switchCond(finite, finite);
    Operand<TBool> appliedBranch =
        after.withControlDependencies(List.of(update)).identity(pivot.outputTrue());
    Operand<TBool> skippedBranch = after.identity(pivot.outputFalse());
    Merge<TBool> applied = after.merge(List.of(appliedBranch, skippedBranch));

    // The scale changes only after every division above has read it.
    List<Op> divisions = new ArrayList<>(unscaled.size());
    unscaled.forEach(p -> divisions.add(p.gradient()));
    Ops next = after.withControlDependencies(divisions);
    Operand<TBool> ok = applied.output();
    Operand<TInt64> zero = next.constant(0L);
    Operand<TInt64> one = next.constant(1L);
    Operand<TInt64> good = next.select(ok, next.math.add(goodSteps, one), zero);
    Operand<TBool> grow =
        next.math.greaterEqual(good, next.constant((long) settings.growthInterval()));
    Operand<TFloat32> doubled = next.math.mul(scaleVariable, next.constant(2f));
    Operand<TFloat32> grown = next.select(next.math.isFinite(doubled), doubled, scaleVariable);
    Operand<TFloat32> halved =
        next.math.maximum(next.math.mul(scaleVariable, next.constant(0.5f)), next.constant(1f));
    Operand<TFloat32> newScale = next.select(ok, next.select(grow, grown, scaleVariable), halved);
    Operand<TInt64> newGood = next.select(grow, zero, good);
    Operand<TInt64> newSkipped =
        next.select(ok, skippedUpdates, next.math.add(skippedUpdates, one));
    List<Op> assigns =
        List.of(
            next.assign(scaleVariable, newScale),
            next.assign(goodSteps, newGood),
            next.assign(skippedUpdates, newSkipped));
    return UpdateBarrier.group(tf, assigns, SCOPE + "_update");
  }

  /** One boolean: every element of every gradient is finite. */
  private static Operand<TBool> allFinite(Ops tf, List<Parameter> parameters) {
    List<Operand<TBool>> perGradient = new ArrayList<>(parameters.size());
    Operand<org.tensorflow.types.TInt32> flat = tf.constant(new int[] {-1});
    Operand<org.tensorflow.types.TInt32> axis = tf.constant(0);
    for (Parameter p : parameters) {
      perGradient.add(tf.reduceAll(tf.math.isFinite(tf.reshape(p.gradient(), flat)), axis));
    }
    return tf.reduceAll(tf.stack(perGradient), axis);
  }

  @Override
  public String name() {
    return inner.name();
  }
}
