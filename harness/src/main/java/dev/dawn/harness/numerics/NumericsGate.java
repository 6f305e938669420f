package dev.dawn.harness.numerics;

import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.precision.InferencePrecision;
import dev.dawn.workloads.precision.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides, before a run computes in a reduced precision, whether this host computes it right, from
 * the cached report of the setting the process runs under (a few seconds to make when there is
 * none). Correct: go. Wrong here but right with oneDNN's rewrite off: a training command reruns
 * itself under that setting and says so; an inference command, whose INT8 variants need oneDNN,
 * refuses and says how to run that precision alone. INT8 whose 8-bit weights saturate goes with
 * 7-bit weights. Nothing correct: refused in one line (exit 2). Every decision goes into
 * environment.json.
 */
public final class NumericsGate {
  /** Set in a rerun child: the line that explains the rerun; the child does not reroute again. */
  public static final String ROUTED_ENV = "DAWN_NUMERICS_ROUTE";

  private final NumericsCache cache;
  private final NumericsSetting current;
  private final Supplier<String> tensorflow;
  private final String routedBecause;
  private final Consumer<String> log;

  NumericsGate(
      NumericsCache cache,
      NumericsSetting current,
      Supplier<String> tensorflow,
      String routedBecause,
      Consumer<String> log) {
    this.cache = cache;
    this.current = current;
    this.tensorflow = tensorflow;
    this.routedBecause = routedBecause == null ? "" : routedBecause;
    this.log = log;
  }

  /** The gate of this process, with reports cached under {@code results}. */
  public static NumericsGate forProcess(Path results, Consumer<String> log) {
    return new NumericsGate(
        NumericsCache.under(results),
        NumericsSetting.current(),
        org.tensorflow.TensorFlow::version,
        System.getenv(ROUTED_ENV),
        log);
  }

  /** {@code dawn train} and {@code dawn throughput}: one precision for the whole process. */
  public GateDecision training(Precision precision) {
    if (!precision.isMixed()) {
      return go(Map.of("precision", precision.configName(), "checked", false), null);
    }
    PrecisionVerdict here = verdict(current, precision.configName());
    if (here.usable()) {
      return go(record(current, here), null);
    }
    if (current.oneDnn() && routedBecause.isEmpty()) {
      NumericsSetting off = current.withOneDnn(false);
      PrecisionVerdict there = verdict(off, precision.configName());
      if (there.usable()) {
        String line =
            precision.configName()
                + " is wrong with oneDNN on this host ("
                + here.detail()
                + ") and right without it: running this command again with "
                + NumericsSetting.ONEDNN_ENV
                + "=0";
        Map<String, String> env = new LinkedHashMap<>(off.environment());
        env.put(ROUTED_ENV, line);
        return new GateDecision(GateDecision.Kind.RERUN, line, env, record(off, there), null);
      }
    }
    throw refusal(precision.configName(), here);
  }

  /** {@code dawn infer}: every precision of the sweep must be usable in this process. */
  public GateDecision inference(List<InferencePrecision> precisions) {
    Map<String, Object> record = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    Int8Weights weights = null;
    for (InferencePrecision precision : precisions) {
      String p = precision.configName();
      if (precision == InferencePrecision.FP32) {
        continue;
      }
      PrecisionVerdict v = verdict(current, p);
      if (!v.usable()) {
        if (precision == InferencePrecision.BF16 && current.oneDnn()) {
          PrecisionVerdict off = verdict(current.withOneDnn(false), p);
          if (off.usable()) {
            throw new NumericsRefusedException(
                refusal(p, v).getMessage()
                    + "; it is right with oneDNN off: measure it alone with "
                    + NumericsSetting.ONEDNN_ENV
                    + "=0 bin/dawn infer --precision "
                    + p);
          }
        }
        throw refusal(p, v);
      }
      record.put(p, record(current, v));
      if (v.status() == PrecisionVerdict.Status.ROUTED) {
        lines.add(p + ": " + v.detail());
      }
      if (precision == InferencePrecision.INT8) {
        weights = v.int8Weights();
      }
    }
    lines.forEach(log);
    return go(record, weights, String.join("; ", lines));
  }

  private PrecisionVerdict verdict(NumericsSetting setting, String precision) {
    NumericsReport report = cache.report(setting, tensorflow.get());
    return PrecisionVerdict.of(report, precision);
  }

  private GateDecision go(Map<String, Object> record, Int8Weights weights) {
    return go(record, weights, routedBecause);
  }

  private GateDecision go(Map<String, Object> record, Int8Weights weights, String line) {
    Map<String, Object> r = new LinkedHashMap<>(record);
    if (!routedBecause.isEmpty()) {
      r.put("reranBecause", routedBecause);
    }
    return new GateDecision(GateDecision.Kind.GO, line, Map.of(), r, weights);
  }

  private Map<String, Object> record(NumericsSetting setting, PrecisionVerdict v) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("precision", v.precision());
    r.put("setting", setting.label());
    r.put("verdict", v.status().name().toLowerCase());
    r.put("detail", v.detail());
    if (v.int8Weights() != null) {
      r.put("int8Weights", v.int8Weights().label());
    }
    r.put("report", cache.file(setting, tensorflow.get()).toString());
    return r;
  }

  private NumericsRefusedException refusal(String precision, PrecisionVerdict v) {
    return new NumericsRefusedException(
        "precision "
            + precision
            + " is computed wrong on this host ("
            + dev.dawn.harness.run.MachineEnvironment.cpuModel()
            + ", TensorFlow "
            + tensorflow.get()
            + ", "
            + current.label()
            + "): "
            + v.detail()
            + "; see bin/dawn doctor");
  }
}
