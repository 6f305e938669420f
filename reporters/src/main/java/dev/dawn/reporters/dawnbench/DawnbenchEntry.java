package dev.dawn.reporters.dawnbench;

import dev.dawn.reporters.events.DawnbenchEntryFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DAWNBench submission fields of a run, as logged in the {@code dawnbench_entry} event.
 *
 * @param codeURL null when absent
 * @param costPerHour USD/hour for all hardware, null when there is no public on-demand price
 * @param misc free-form notes, insertion-ordered (empty when absent)
 * @param usedBlacklist null when absent
 * @param metric {@code top5Accuracy} or {@code top1Accuracy}
 * @param threshold in percent, e.g. 93.0
 */
public record DawnbenchEntry(
    Dataset dataset,
    String fileBasename,
    String author,
    String authorEmail,
    String framework,
    String codeURL,
    String model,
    String hardware,
    Double costPerHour,
    LocalDate timestamp,
    Map<String, Object> misc,
    Boolean usedBlacklist,
    String metric,
    double threshold) {

  /** The text fields every entry must fill (DAWNBench's required fields), in JSON order. */
  public static final List<String> REQUIRED_TEXT =
      List.of("author", "authorEmail", "framework", "model", "hardware");

  public DawnbenchEntry {
    Objects.requireNonNull(dataset, "dataset");
    var nameProblem = DawnbenchFileName.problem(fileBasename);
    if (nameProblem.isPresent()) {
      throw new IllegalArgumentException(
          "dawnbench_entry.fileBasename '" + fileBasename + "' " + nameProblem.get());
    }
    requireText("author", author);
    requireText("authorEmail", authorEmail);
    requireText("framework", framework);
    requireText("model", model);
    requireText("hardware", hardware);
    Objects.requireNonNull(timestamp, "timestamp");
    if (!"top5Accuracy".equals(metric) && !"top1Accuracy".equals(metric)) {
      throw new IllegalArgumentException(
          "dawnbench_entry.metric must be top5Accuracy or top1Accuracy, got '" + metric + "'");
    }
    misc = misc == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(misc));
  }

  /** The accuracy gate: {@link #metric} at or above {@link #threshold}. */
  public AccuracyTarget target() {
    return new AccuracyTarget(metric, threshold);
  }

  /** The same entry with another {@code misc}. */
  public DawnbenchEntry withMisc(Map<String, Object> newMisc) {
    return new DawnbenchEntry(
        dataset,
        fileBasename,
        author,
        authorEmail,
        framework,
        codeURL,
        model,
        hardware,
        costPerHour,
        timestamp,
        newMisc,
        usedBlacklist,
        metric,
        threshold);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "dawnbench_entry." + field + " is required and must be a non-empty string");
    }
  }

  /**
   * The last {@code dawnbench_entry} event's value in a log, as written (empty for an untrained
   * model's run).
   */
  public static java.util.Optional<Map<String, Object>> valueIn(
      java.util.List<dev.dawn.reporters.events.Event> events) {
    var all = DawnbenchEntryFields.KIND.in(events);
    return all.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new LinkedHashMap<>(all.get(all.size() - 1).fields()));
  }

  /**
   * Builds the entry from the {@code dawnbench_entry} event value; messages name the offending key.
   */
  @SuppressWarnings("unchecked")
  public static DawnbenchEntry fromMap(Map<String, Object> map) {
    Objects.requireNonNull(map, "dawnbench_entry value");
    Object misc = map.get("misc");
    if (misc != null && !(misc instanceof Map)) {
      throw new IllegalArgumentException("dawnbench_entry.misc must be an object");
    }
    Object cost = map.get("costPerHour");
    if (cost != null && !(cost instanceof Number)) {
      throw new IllegalArgumentException(
          "dawnbench_entry.costPerHour must be a number when present, got " + cost);
    }
    Object blacklist = map.get("usedBlacklist");
    if (blacklist != null && !(blacklist instanceof Boolean)) {
      throw new IllegalArgumentException(
          "dawnbench_entry.usedBlacklist must be a boolean when present, got " + blacklist);
    }
    Object threshold = map.get("threshold");
    if (!(threshold instanceof Number)) {
      throw new IllegalArgumentException(
          "dawnbench_entry.threshold must be a number, got " + threshold);
    }
    LocalDate timestamp;
    try {
      timestamp = LocalDate.parse(string(map, "timestamp"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "dawnbench_entry.timestamp must be yyyy-MM-dd, got '" + map.get("timestamp") + "'", e);
    }
    return new DawnbenchEntry(
        Dataset.fromFolderName(string(map, "dataset")),
        string(map, "fileBasename"),
        string(map, "author"),
        string(map, "authorEmail"),
        string(map, "framework"),
        optionalString(map, "codeURL"),
        string(map, "model"),
        string(map, "hardware"),
        cost == null ? null : ((Number) cost).doubleValue(),
        timestamp,
        (Map<String, Object>) misc,
        (Boolean) blacklist,
        string(map, "metric"),
        ((Number) threshold).doubleValue());
  }

  private static String string(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("dawnbench_entry." + key + " must be a string, got " + v);
    }
    return s;
  }

  private static String optionalString(Map<String, Object> map, String key) {
    return map.get(key) == null ? null : string(map, key);
  }
}
