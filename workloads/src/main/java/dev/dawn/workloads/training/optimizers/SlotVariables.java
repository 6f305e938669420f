package dev.dawn.workloads.training.optimizers;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Creates per-parameter state (velocity, gradient sums) as variables that start at zero. */
final class SlotVariables {

  private SlotVariables() {}

  /**
   * A zero-initialised variable shaped like the parameter, named {@code <owner>/<param>/<slot>}.
   * The initialiser lives in the init scope so {@code Session.initialize()} (or the first run) sets
   * it.
   */
  static Variable<TFloat32> zerosLike(Ops tf, Parameter parameter, String owner, String slot) {
    Shape shape = parameter.variable().shape();
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new IllegalArgumentException(
          "parameter '"
              + parameter.name()
              + "' has shape "
              + shape
              + "; "
              + owner
              + " needs a fully defined shape");
    }
    Ops init = tf.withInitScope();
    Operand<TFloat32> zeros = init.zeros(init.constant(shape.asArray()), TFloat32.class);
    return tf.withSubScope(owner)
        .withSubScope(opName(parameter.name()))
        .withName(slot)
        .variable(zeros);
  }

  /** A zero-initialised scalar variable, e.g. a micro-batch counter. */
  static Variable<TFloat32> scalarZero(Ops tf, String owner, String slot) {
    return tf.withSubScope(owner).withName(slot).variable(tf.withInitScope().constant(0f));
  }

  /**
   * Sub-scope names allow only {@code [A-Za-z0-9_.-]} and must start with a letter, digit or dot.
   */
  static String opName(String parameterName) {
    String cleaned = parameterName.replaceAll("[^A-Za-z0-9_.\\-]", "_").replaceAll("^[_\\-]+", "");
    return cleaned.isEmpty() ? "param" : cleaned;
  }
}
