package dev.dawn.harness.run;

import java.util.List;
import java.util.Map;

/**
 * The environment variables TensorFlow, oneDNN and OpenMP read when they start that change their
 * threads or kernels, as set for this process. They are read once, before any Java code could
 * change them, and change which thread runs an op or which kernel computes it (e.g. {@code
 * TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD}, {@code ONEDNN_MAX_CPU_ISA}) while nothing else in a run
 * shows them. TensorFlow's are named by prefix rather than all of {@code TF_*}: that prefix is
 * shared with other tools (Terraform's {@code TF_CLI_CONFIG_FILE}), and {@code TF_CPP_*} only sets
 * logging.
 */
public final class NativeRuntimeVariables {
  private static final List<String> PREFIXES =
      List.of(
          "TF_ENABLE_ONEDNN",
          "TF_ONEDNN_",
          "TF_SET_ONEDNN_",
          "TF_NUM_",
          "TF_XLA_",
          "TF_RUN_HANDLER_",
          "TF_USE_",
          "ONEDNN_",
          "DNNL_",
          "OMP_",
          "KMP_",
          "MKL_");

  private NativeRuntimeVariables() {}

  /** {@code NAME=value} of every such variable in {@code environment}, sorted by name. */
  public static List<String> of(Map<String, String> environment) {
    return environment.entrySet().stream()
        .filter(e -> PREFIXES.stream().anyMatch(p -> e.getKey().startsWith(p)))
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .toList();
  }

  /** This process's. */
  public static List<String> read() {
    return of(System.getenv());
  }
}
