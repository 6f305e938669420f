package dev.dawn.workloads.training.optimizers;

import dev.dawn.workloads.training.schedule.SpecReader;
import java.util.Map;

/**
 * Builds a {@link GraphOptimizer} from a config map, e.g.
 *
 * <pre>
 * optimizer: {type: lars, weight_decay: 1.0e-4, eta: 0.001, epsilon: 0.0, nesterov: true}
 * optimizer: {type: momentum, weight_decay: 5.0e-4, nesterov: true}
 * </pre>
 *
 * {@code weight_decay} is required (it matters too much to default); the LARS defaults are the
 * paper's η = 0.001 and tf.contrib's ε = 0, no clip.
 */
public final class OptimizerFactory {

  private OptimizerFactory() {}

  /**
   * @param where the config path for error messages, e.g. {@code train.optimizer}
   */
  public static GraphOptimizer build(Map<String, Object> spec, String where) {
    OptimizerSpec bound = SpecReader.read(spec, where, "optimizer", OptimizerSpec.class);
    try {
      if (bound instanceof OptimizerSpec.Lars l) {
        return new LarsOptimizer(
            l.weightDecay(),
            or(l.eta(), 0.001),
            or(l.epsilon(), 0.0),
            l.nesterov() != null && l.nesterov(),
            or(l.minTrust(), 0.0),
            or(l.maxTrust(), Double.POSITIVE_INFINITY));
      }
      OptimizerSpec.Momentum m = (OptimizerSpec.Momentum) bound;
      return new MomentumOptimizer(m.weightDecay(), m.nesterov() != null && m.nesterov());
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw message.startsWith(where) ? e : new IllegalArgumentException(where + ": " + message, e);
    }
  }

  private static double or(Double value, double fallback) {
    return value != null ? value : fallback;
  }
}
