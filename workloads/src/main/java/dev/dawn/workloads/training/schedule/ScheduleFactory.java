package dev.dawn.workloads.training.schedule;

import java.util.List;
import java.util.Map;

/**
 * Builds schedules from their config description ({@link ScheduleSpec}), or from a parsed YAML/JSON
 * map bound to it ({@link SpecReader}), e.g.
 *
 * <pre>
 * lr: {type: linear_warmup, epochs: 3.5, start: 0.2,
 *      after: {type: linear_cosine, initial: 27.8, startEpoch: 3.5, decayEpochs: 28.7, beta: 0.0071942}}
 * momentum: {type: dynamic_momentum, min: 0.9, max: 0.98, minLr: 0.2, maxLr: 28.0}
 * </pre>
 *
 * A key still missing here is an error naming the path, the type and the key; range errors come
 * from the schedule records and get the path added.
 */
public final class ScheduleFactory {

  private ScheduleFactory() {}

  /** A learning-rate schedule from a map; errors are reported under the path {@code schedule}. */
  public static LearningRateSchedule build(Map<String, Object> spec) {
    return build(spec, "schedule");
  }

  /**
   * A learning-rate schedule from a map; {@code where} names the config path for errors, e.g.
   * {@code train.lr}.
   */
  public static LearningRateSchedule build(Map<String, Object> spec, String where) {
    return build(SpecReader.read(spec, where, "schedule", ScheduleSpec.LearningRate.class), where);
  }

  /**
   * A momentum schedule from a map; see {@link #buildMomentum(ScheduleSpec.Momentum, String,
   * LearningRateSchedule)}.
   */
  public static MomentumSchedule buildMomentum(
      Map<String, Object> spec, String where, LearningRateSchedule learningRate) {
    return buildMomentum(
        SpecReader.read(spec, where, "schedule", ScheduleSpec.Momentum.class), where, learningRate);
  }

  /**
   * A learning-rate schedule; {@code where} names the config path for error messages, e.g. {@code
   * optimizer.schedule}.
   */
  public static LearningRateSchedule build(ScheduleSpec.LearningRate spec, String where) {
    try {
      if (spec instanceof ScheduleSpec.Constant c) {
        return new ConstantSchedule(required(c.value(), where, c, "value"));
      } else if (spec instanceof ScheduleSpec.Warmup w) {
        return new LinearWarmup(
            required(w.epochs(), where, w, "epochs"),
            or(w.start(), 0.0),
            build(w.after(), where + ".after"));
      } else if (spec instanceof ScheduleSpec.LinearCosine c) {
        return new LinearCosineDecay(
            required(c.initial(), where, c, "initial"),
            or(c.startEpoch(), 0.0),
            required(c.decayEpochs(), where, c, "decayEpochs"),
            or(c.alpha(), LinearCosineDecay.DEFAULT_ALPHA),
            or(c.beta(), LinearCosineDecay.DEFAULT_BETA),
            or(c.numPeriods(), LinearCosineDecay.DEFAULT_NUM_PERIODS));
      } else if (spec instanceof ScheduleSpec.Polynomial p) {
        return new PolynomialDecay(
            required(p.initial(), where, p, "initial"),
            required(p.end(), where, p, "end"),
            required(p.power(), where, p, "power"),
            or(p.startEpoch(), 0.0),
            required(p.endEpoch(), where, p, "endEpoch"));
      } else if (spec instanceof ScheduleSpec.Piecewise p) {
        return piecewiseLinear(p);
      } else if (spec instanceof ScheduleSpec.Step s) {
        return step(s, where);
      }
      throw new IllegalArgumentException(where + ": schedule description is missing");
    } catch (IllegalArgumentException e) {
      throw located(e, where);
    }
  }

  /**
   * A momentum schedule. {@code learningRate} is the run's learning-rate schedule, which {@code
   * dynamic_momentum} follows; the other types ignore it.
   */
  public static MomentumSchedule buildMomentum(
      ScheduleSpec.Momentum spec, String where, LearningRateSchedule learningRate) {
    try {
      if (spec instanceof ScheduleSpec.Constant c) {
        return new ConstantSchedule(required(c.value(), where, c, "value"));
      } else if (spec instanceof ScheduleSpec.Piecewise p) {
        return piecewiseLinear(p);
      } else if (spec instanceof ScheduleSpec.Step s) {
        return step(s, where);
      } else if (spec instanceof ScheduleSpec.Dynamic d) {
        if (learningRate == null) {
          throw new IllegalArgumentException(
              where + ": dynamic_momentum needs the learning-rate schedule");
        }
        return new DynamicMomentum(learningRate, d.minLr(), d.maxLr(), d.min(), d.max());
      }
      throw new IllegalArgumentException(where + ": schedule description is missing");
    } catch (IllegalArgumentException e) {
      throw located(e, where);
    }
  }

  private static double required(Double value, String where, ScheduleSpec spec, String key) {
    if (value == null) {
      throw new IllegalArgumentException(
          where + ": schedule type '" + spec.typeName() + "' requires key '" + key + "'");
    }
    return value;
  }

  private static double or(Double value, double fallback) {
    return value != null ? value : fallback;
  }

  /** Range errors from the schedule records do not know the config path; add it once. */
  private static IllegalArgumentException located(IllegalArgumentException e, String where) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith(where) ? e : new IllegalArgumentException(where + ": " + message, e);
  }

  private static PiecewiseLinear piecewiseLinear(ScheduleSpec.Piecewise p) {
    return PiecewiseLinear.of(unbox(p.epochs()), unbox(p.values()));
  }

  private static StepDecay step(ScheduleSpec.Step s, String where) {
    if (s.values() != null) {
      return new StepDecay(s.boundaries(), s.values());
    }
    return StepDecay.withFactor(
        required(s.initial(), where, s, "initial"), s.boundaries(), s.factor());
  }

  private static double[] unbox(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
