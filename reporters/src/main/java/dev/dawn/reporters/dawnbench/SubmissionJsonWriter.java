package dev.dawn.reporters.dawnbench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes DAWNBench submission JSON in README key order and the DAWN seed files' byte style (Python
 * {@code json.dump(indent=4)}, see {@link PythonJsonWriter}). Optional fields are left out when
 * absent; a cost of 0 is no price ({@link Cost}) and left out too.
 */
public final class SubmissionJsonWriter {
  public static final String VERSION = "v1.0";

  private SubmissionJsonWriter() {}

  /**
   * {@code version, author, authorEmail, framework, codeURL, model, hardware, costPerHour,
   * timestamp, misc, usedBlacklist}.
   */
  public static String training(DawnbenchEntry entry) {
    Map<String, Object> json = header(entry);
    if (Cost.price(entry.costPerHour()) != null) {
      json.put("costPerHour", entry.costPerHour());
    }
    return footer(json, entry);
  }

  /**
   * {@code version, author, authorEmail, framework, codeURL, model, hardware, latency, cost,
   * <accuracy key>, timestamp, misc, usedBlacklist}; {@code cost} only when the entry has a
   * costPerHour.
   */
  public static String inference(DawnbenchEntry entry, InferenceResult result) {
    Map<String, Object> json = header(entry);
    json.put("latency", result.latencyMs());
    if (Cost.price(entry.costPerHour()) != null) {
      json.put("cost", result.costPerItem(entry.costPerHour()));
    }
    json.put(entry.dataset().metric(), result.accuracy());
    return footer(json, entry);
  }

  private static Map<String, Object> header(DawnbenchEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", VERSION);
    json.put("author", entry.author());
    json.put("authorEmail", entry.authorEmail());
    json.put("framework", entry.framework());
    if (entry.codeURL() != null) {
      json.put("codeURL", entry.codeURL());
    }
    json.put("model", entry.model());
    json.put("hardware", entry.hardware());
    return json;
  }

  private static String footer(Map<String, Object> json, DawnbenchEntry entry) {
    json.put("timestamp", entry.timestamp().toString()); // ISO yyyy-MM-dd, zero-padded
    json.put("misc", entry.misc());
    if (entry.usedBlacklist() != null) {
      json.put("usedBlacklist", entry.usedBlacklist());
    }
    return PythonJsonWriter.write(json);
  }
}
