package dev.dawn.harness.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.harness.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster of a run as TensorFlow's launchers describe it (Kubeflow's TFJob, Slurm scripts): the
 * environment variable {@code TF_CONFIG = {"cluster": {"worker": ["host:port", ...]}, "task":
 * {"type": "worker", "index": i}}}. A {@code "chief"} job of one address, as some launchers add, is
 * task 0 in front of the workers. Any other job (parameter servers, evaluators) belongs to training
 * schemes dawn does not run and is refused.
 *
 * @param workers every task's {@code host:port}, task 0 (the chief) first
 * @param taskIndex this process's position in {@code workers}
 */
public record TfConfig(List<String> workers, int taskIndex) {
  /** The environment variable's name. */
  public static final String VARIABLE = "TF_CONFIG";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String FORM =
      " (expected {\"cluster\": {\"worker\": [\"host:port\", ...]}, \"task\": {\"type\": \"worker\","
          + " \"index\": i}})";

  public TfConfig {
    workers = List.copyOf(workers);
  }

  /** The cluster of this process's environment, if {@code TF_CONFIG} is set and not blank. */
  public static Optional<TfConfig> fromEnvironment() {
    return from(System.getenv(VARIABLE));
  }

  /**
   * @param value the variable's value, or null when unset
   * @throws ConfigException one line naming TF_CONFIG and the rule broken
   */
  public static Optional<TfConfig> from(String value) {
    if (value == null || value.isBlank()) return Optional.empty();
    JsonNode root;
    try {
      root = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw refused(
          "is not valid JSON ("
              + e.getOriginalMessage().lines().findFirst().orElse("unreadable")
              + ")"
              + FORM);
    }
    if (root == null || !root.isObject()) throw refused("must be a JSON object" + FORM);
    JsonNode cluster = root.path("cluster");
    if (!cluster.isObject()) throw refused("needs a \"cluster\" object" + FORM);
    List<String> jobs = new ArrayList<>();
    cluster.fieldNames().forEachRemaining(jobs::add);
    for (String job : jobs) {
      if (!job.equals("worker") && !job.equals("chief")) {
        throw refused(
            "has a \""
                + job
                + "\" job in \"cluster\"; dawn runs all-reduce training, whose cluster is"
                + " \"worker\" tasks (and at most one \"chief\")");
      }
    }
    List<String> chief = addresses(cluster, "chief");
    if (chief.size() > 1)
      throw refused("\"cluster\".\"chief\" must list one host:port, got " + chief.size());
    List<String> workers = new ArrayList<>(chief);
    workers.addAll(addresses(cluster, "worker"));
    if (workers.isEmpty())
      throw refused("\"cluster\".\"worker\" must list at least one host:port" + FORM);

    JsonNode task = root.path("task");
    if (!task.isObject()) throw refused("needs a \"task\" object naming this process" + FORM);
    String type = task.path("type").asText("");
    if (!type.equals("worker") && !(type.equals("chief") && !chief.isEmpty())) {
      throw refused(
          "\"task\".\"type\" must be \"worker\""
              + (chief.isEmpty() ? "" : " or \"chief\"")
              + ", got "
              + (task.has("type") ? task.get("type").toString() : "nothing"));
    }
    JsonNode index = task.path("index");
    if (!index.isIntegralNumber() || !index.canConvertToInt()) {
      throw refused(
          "\"task\".\"index\" must be a whole number (this process's position in the \""
              + type
              + "\" list), got "
              + (task.has("index") ? index.toString() : "nothing"));
    }
    int count = type.equals("chief") ? chief.size() : workers.size() - chief.size();
    int i = index.asInt();
    if (i < 0 || i >= count) {
      throw refused(
          "\"task\".\"index\" "
              + i
              + " is not in the \""
              + type
              + "\" list (0 to "
              + (count - 1)
              + ")");
    }
    return Optional.of(new TfConfig(workers, type.equals("chief") ? 0 : chief.size() + i));
  }

  private static List<String> addresses(JsonNode cluster, String job) {
    JsonNode list = cluster.path(job);
    List<String> out = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) return out;
    if (!list.isArray())
      throw refused("\"cluster\".\"" + job + "\" must be a list of \"host:port\" strings");
    for (JsonNode entry : list) {
      if (!entry.isTextual() || entry.asText().isBlank())
        throw refused(
            "\"cluster\".\"" + job + "\" must be a list of \"host:port\" strings, got " + entry);
      out.add(entry.asText().trim());
    }
    return out;
  }

  private static ConfigException refused(String rule) {
    return new ConfigException(List.of(VARIABLE + " " + rule));
  }

  /** The {@code TF_CONFIG} value that names this cluster and task (as a launcher sets it). */
  public String toJson() {
    var root = JSON.createObjectNode();
    var list = root.putObject("cluster").putArray("worker");
    workers.forEach(list::add);
    root.putObject("task").put("type", "worker").put("index", taskIndex);
    return root.toString();
  }
}
