package dev.dawn.harness.numerics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What TensorFlow reads from the environment when it loads and that changes which kernels run:
 * whether oneDNN's graph rewrite is on ({@code TF_ENABLE_ONEDNN_OPTS}) and the highest instruction
 * set oneDNN may use ({@code ONEDNN_MAX_CPU_ISA}, empty for the CPU's own).
 */
public record NumericsSetting(boolean oneDnn, String isaCap) {
  public static final String ONEDNN_ENV = "TF_ENABLE_ONEDNN_OPTS";
  public static final String ISA_ENV = "ONEDNN_MAX_CPU_ISA";

  public NumericsSetting {
    isaCap = isaCap == null ? "" : isaCap;
  }

  /** This process's setting, from its environment. */
  public static NumericsSetting current() {
    return of(System.getenv());
  }

  static NumericsSetting of(Map<String, String> env) {
    String v = env.get(ONEDNN_ENV);
    boolean on = v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    return new NumericsSetting(on, env.getOrDefault(ISA_ENV, ""));
  }

  /** The same with oneDNN's rewrite switched the other way. */
  public NumericsSetting withOneDnn(boolean on) {
    return new NumericsSetting(on, isaCap);
  }

  /** The environment variables that select this setting in a child process. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ONEDNN_ENV, oneDnn ? "1" : "0");
    if (!isaCap.isEmpty()) {
      env.put(ISA_ENV, isaCap);
    }
    return env;
  }

  /** e.g. {@code oneDNN on} or {@code oneDNN on, ISA cap AVX2}. */
  public String label() {
    return "oneDNN " + (oneDnn ? "on" : "off") + (isaCap.isEmpty() ? "" : ", ISA cap " + isaCap);
  }
}
