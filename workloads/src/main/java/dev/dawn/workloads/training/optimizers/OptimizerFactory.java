package dev.dawn.workloads.training.optimizers;

import dev.dawn.workloads.training.schedule.SpecReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link GraphOptimizer} from a config map, e.g.
 *
 * <pre>
 * optimizer: {type: lars, weight_decay: 1.0e-4, eta: 0.001, epsilon: 0.0, nesterov: true}
 * optimizer: {type: momentum, weight_decay: 5.0e-4, nesterov: true}
 * </pre>
 *
 * {@code weight_decay} is required (it matters too much to default); the LARS defaults are the paper's
 * η = 0.001 and tf.contrib's ε = 0, no clip.
 */
public final class OptimizerFactory {

  /** Optimiser types and their keys besides {@code type}. */
  public static final Map<String, List<String>> KEYS;

  static {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("momentum", List.of("weight_decay", "nesterov"));
    keys.put("lars", List.of("weight_decay", "eta", "epsilon", "nesterov", "min_trust", "max_trust"));
    KEYS = java.util.Collections.unmodifiableMap(keys);
  }

  private OptimizerFactory() {}

  /** @param where the config path for error messages, e.g. {@code train.optimizer} */
  public static GraphOptimizer build(Map<String, Object> spec, String where) {
    SpecReader r = SpecReader.open(spec, where, "optimizer", KEYS);
    try {
      return switch (r.type()) {
        case "momentum" -> new MomentumOptimizer(r.number("weight_decay"), r.bool("nesterov", false));
        case "lars" -> new LarsOptimizer(
            r.number("weight_decay"),
            r.number("eta", 0.001),
            r.number("epsilon", 0.0),
            r.bool("nesterov", false),
            r.number("min_trust", 0.0),
            r.number("max_trust", Double.POSITIVE_INFINITY));
        default -> throw new IllegalStateException(where + ": unhandled optimizer type " + r.type());
      };
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw message.startsWith(where) ? e : new IllegalArgumentException(where + ": " + message, e);
    }
  }
}
