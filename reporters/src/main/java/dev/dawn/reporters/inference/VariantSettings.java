package dev.dawn.reporters.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.reporters.events.InferenceSettings;
import dev.dawn.reporters.events.InferenceVariantResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a variant was measured with that can change its latency or accuracy: the kernel path of its
 * precision, oneDNN on or off, the thread pools and the variables that steer TF's native threads
 * and kernels, the CPU and its flags. Two rows of the report that differ in one of these are not
 * measured alike, and the report says so.
 */
public final class VariantSettings {
  /** Setting names, in the order the report shows them. */
  public static final String PRECISION_PATH = "precision path";

  public static final String ONEDNN = "oneDNN";
  public static final String THREADS = "threads (intra/inter)";
  public static final String RUNTIME_VARIABLES = "TF/oneDNN variables";
  public static final String CPU = "CPU";
  public static final String CPU_FLAGS = "CPU flags";

  private static final String UNKNOWN = "unknown";
  private static final ObjectMapper JSON = new ObjectMapper();

  private VariantSettings() {}

  /** The settings of one variant of a run, by name in report order; unknown where not logged. */
  public static Map<String, String> of(InferenceRunRecord run, InferenceVariantResult variant) {
    Map<String, String> env = run.environment();
    InferenceSettings s = run.settings();
    Map<String, String> out = new LinkedHashMap<>();
    out.put(PRECISION_PATH, precisionPath(variant.precision(), s, env));
    String onednn = env.get("tfEnableOnednnOpts");
    out.put(
        ONEDNN,
        onednn == null ? UNKNOWN : onednn.equals("1") ? "on" : onednn.equals("0") ? "off" : onednn);
    String intra =
        s != null ? Integer.toString(s.intraOpThreads()) : env.getOrDefault("intraOpThreads", "?");
    String inter =
        s != null ? Integer.toString(s.interOpThreads()) : env.getOrDefault("interOpThreads", "?");
    // 0 lets TensorFlow pick one thread per core: written as such, it differs from an explicit 2.
    out.put(THREADS, intra.equals("?") && inter.equals("?") ? UNKNOWN : intra + "/" + inter);
    out.put(RUNTIME_VARIABLES, runtimeVariables(env.get("nativeRuntimeVariables")));
    String cores = env.get("cores");
    out.put(
        CPU,
        env.containsKey("cpuModel")
            ? env.get("cpuModel") + (cores == null ? "" : ", " + cores + " cores")
            : UNKNOWN);
    out.put(CPU_FLAGS, env.getOrDefault("cpuFlags", UNKNOWN));
    return out;
  }

  /**
   * environment.json's {@code nativeRuntimeVariables} (a list of {@code NAME=value}, flattened to
   * its JSON text) without TF_ENABLE_ONEDNN_OPTS, which the oneDNN setting shows: "none" for an
   * empty list, "unknown" for a run older than the record.
   */
  static String runtimeVariables(String listJson) {
    if (listJson == null) {
      return UNKNOWN;
    }
    List<String> shown = new ArrayList<>();
    try {
      for (JsonNode v : JSON.readTree(listJson)) {
        if (!v.asText().startsWith("TF_ENABLE_ONEDNN_OPTS=")) {
          shown.add(v.asText());
        }
      }
    } catch (JsonProcessingException e) {
      return listJson;
    }
    return shown.isEmpty() ? "none" : String.join(", ", shown);
  }

  /**
   * The convolution kernel oneDNN ran for the precision's data type, with what the precision
   * changes beyond it (bf16 emulated or native; int8 with the first or last conv kept in fp32, and
   * 8-bit or 7-bit weights).
   */
  static String precisionPath(String precision, InferenceSettings s, Map<String, String> env) {
    String type =
        switch (precision) {
          case "bf16" -> "bf16";
          case "int8" -> "u8";
          default -> "f32";
        };
    String isa =
        s != null && s.onednnConvIsa() != null && s.onednnConvIsa().containsKey(type)
            ? s.onednnConvIsa().get(type)
            : env.getOrDefault("onednnConvIsa." + type, UNKNOWN);
    StringBuilder path = new StringBuilder(precision).append(": ").append(isa);
    if (precision.equals("bf16") && s != null && s.bf16Native() != null) {
      path.append(s.bf16Native() ? " (native bf16)" : " (bf16 emulated)");
    }
    if (precision.equals("int8") && s != null) {
      if (s.int8FirstConvFp32()) {
        path.append(", first conv fp32");
      }
      if (s.int8LastConvFp32()) {
        path.append(", last conv fp32");
      }
      path.append(", calibration ").append(s.calibration());
      if (s.int8Weights() != null) {
        path.append(", ").append(s.int8Weights()).append(" weights");
      }
    }
    return path.toString();
  }
}
