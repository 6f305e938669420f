package dev.dawn.workloads.training.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds schedules from config maps (parsed YAML/JSON), e.g.
 *
 * <pre>
 * lr: {type: linear_warmup, epochs: 3.5, start: 0.2,
 *      after: {type: linear_cosine, initial: 27.8, start_epoch: 3.5, decay_epochs: 28.7, beta: 0.0071942}}
 * momentum: {type: dynamic_momentum, min: 0.9, max: 0.98, min_lr: 0.2, max_lr: 28.0}
 * </pre>
 *
 * Unknown keys, missing required keys and non-numbers are rejected with the path and the allowed keys.
 */
public final class ScheduleFactory {

  /** Learning-rate schedule types and their keys besides {@code type}. */
  public static final Map<String, List<String>> LEARNING_RATE_KEYS = orderedMap(
      "constant", List.of("value"),
      "linear_warmup", List.of("epochs", "start", "after"),
      "linear_cosine", List.of("initial", "decay_epochs", "start_epoch", "alpha", "beta", "num_periods"),
      "polynomial", List.of("initial", "end", "power", "end_epoch", "start_epoch"),
      "piecewise_linear", List.of("epochs", "values"),
      "step", List.of("boundaries", "values", "initial", "factor"));

  /** Momentum schedule types and their keys besides {@code type}. */
  public static final Map<String, List<String>> MOMENTUM_KEYS = orderedMap(
      "constant", List.of("value"),
      "piecewise_linear", List.of("epochs", "values"),
      "step", List.of("boundaries", "values", "initial", "factor"),
      "dynamic_momentum", List.of("min", "max", "min_lr", "max_lr"));

  private ScheduleFactory() {}

  /** A learning-rate schedule; errors are reported under the path {@code schedule}. */
  public static LearningRateSchedule build(Map<String, Object> spec) {
    return build(spec, "schedule");
  }

  /** A learning-rate schedule; {@code where} names the config path for error messages, e.g. {@code train.lr}. */
  public static LearningRateSchedule build(Map<String, Object> spec, String where) {
    SpecReader r = SpecReader.open(spec, where, "schedule", LEARNING_RATE_KEYS);
    try {
      return learningRate(r);
    } catch (IllegalArgumentException e) {
      throw located(e, where);
    }
  }

  private static LearningRateSchedule learningRate(SpecReader r) {
    String where = r.where();
    return switch (r.type()) {
      case "constant" -> new ConstantSchedule(r.number("value"));
      case "linear_warmup" -> new LinearWarmup(
          r.number("epochs"), r.number("start", 0.0), build(r.map("after"), where + ".after"));
      case "linear_cosine" -> new LinearCosineDecay(
          r.number("initial"),
          r.number("start_epoch", 0.0),
          r.number("decay_epochs"),
          r.number("alpha", LinearCosineDecay.DEFAULT_ALPHA),
          r.number("beta", LinearCosineDecay.DEFAULT_BETA),
          r.number("num_periods", LinearCosineDecay.DEFAULT_NUM_PERIODS));
      case "polynomial" -> new PolynomialDecay(
          r.number("initial"), r.number("end"), r.number("power"), r.number("start_epoch", 0.0), r.number("end_epoch"));
      case "piecewise_linear" -> piecewiseLinear(r);
      case "step" -> step(r);
      default -> throw new IllegalStateException(where + ": unhandled type " + r.type());
    };
  }

  /**
   * A momentum schedule. {@code learningRate} is the run's learning-rate schedule, which {@code dynamic_momentum}
   * follows; the other types ignore it.
   */
  public static MomentumSchedule buildMomentum(
      Map<String, Object> spec, String where, LearningRateSchedule learningRate) {
    SpecReader r = SpecReader.open(spec, where, "schedule", MOMENTUM_KEYS);
    try {
      return momentum(r, learningRate);
    } catch (IllegalArgumentException e) {
      throw located(e, where);
    }
  }

  private static MomentumSchedule momentum(SpecReader r, LearningRateSchedule learningRate) {
    String where = r.where();
    return switch (r.type()) {
      case "constant" -> new ConstantSchedule(r.number("value"));
      case "piecewise_linear" -> piecewiseLinear(r);
      case "step" -> step(r);
      case "dynamic_momentum" -> {
        if (learningRate == null) {
          throw new IllegalArgumentException(where + ": dynamic_momentum needs the learning-rate schedule");
        }
        yield new DynamicMomentum(
            learningRate, r.number("min_lr"), r.number("max_lr"), r.number("min"), r.number("max"));
      }
      default -> throw new IllegalStateException(where + ": unhandled type " + r.type());
    };
  }

  /** Range errors from the schedule records do not know the config path; add it once. */
  private static IllegalArgumentException located(IllegalArgumentException e, String where) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith(where) ? e : new IllegalArgumentException(where + ": " + message, e);
  }

  private static PiecewiseLinear piecewiseLinear(SpecReader r) {
    List<Double> epochs = r.numbers("epochs");
    List<Double> values = r.numbers("values");
    if (epochs.size() != values.size()) {
      throw new IllegalArgumentException(r.where() + ": 'epochs' has " + epochs.size() + " entries but 'values' has "
          + values.size() + "; they must pair up");
    }
    return PiecewiseLinear.of(unbox(epochs), unbox(values));
  }

  private static StepDecay step(SpecReader r) {
    List<Double> boundaries = r.numbers("boundaries");
    r.requireExactlyOne("values", "factor");
    if (r.has("values")) {
      r.forbidWith("initial", "factor");
      return new StepDecay(boundaries, r.numbers("values"));
    }
    return StepDecay.withFactor(r.number("initial"), boundaries, r.number("factor"));
  }

  private static double[] unbox(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static Map<String, List<String>> orderedMap(Object... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> keys = (List<String>) pairs[i + 1];
      map.put((String) pairs[i], keys);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
