package dev.dawn.reporters.run;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.record.StepRecord;
import dev.dawn.reporters.record.StepSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run folder as reports see it: the record from {@code events.jsonl}, the per-step series, the
 * effective config ({@code config.yaml}) flattened to dotted keys and the machine ({@code
 * environment.json}, also flattened). Missing optional files give empty values, so older run
 * folders still report.
 *
 * @param dir the run folder
 * @param record derived from the events
 * @param steps {@code train_step} samples, possibly empty
 * @param config e.g. {@code train.batchSize -> "20"}; empty without config.yaml
 * @param environment e.g. {@code cpuModel -> "AMD EPYC"}, {@code seeds.train -> "42"}; empty
 *     without environment.json
 */
public record RunDirectory(
    Path dir,
    RunRecord record,
    List<StepRecord> steps,
    Map<String, String> config,
    Map<String, String> environment) {

  /** Machine keys that make two runs' timings incomparable when they differ. */
  public static final List<String> MACHINE_KEYS = List.of("cpuModel", "cores", "memoryBytes");

  public RunDirectory {
    steps = List.copyOf(steps);
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  public static RunDirectory read(Path dir) {
    Path events = dir.resolve(RunFolder.EVENTS);
    if (!Files.isRegularFile(events)) {
      throw new IllegalArgumentException(
          dir + ": not a run folder (no " + RunFolder.EVENTS + " inside)");
    }
    RunRecord record;
    List<StepRecord> steps;
    try {
      List<Event> log = EventLogReader.read(events);
      record = RunRecord.fromEvents(log);
      steps = StepSeries.fromEvents(log);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(events + ": " + e.getMessage(), e);
    }
    return new RunDirectory(
        dir,
        record,
        steps,
        flatTree(dir.resolve(RunFolder.CONFIG), new YAMLMapper()),
        environmentOf(dir));
  }

  /** The run id (the folder name for runs made by {@code dawn train}). */
  public String id() {
    return record.runId();
  }

  /** A config value, falling back to the logged hyperparameter when config.yaml lacks it. */
  public Optional<String> setting(String configKey, String eventKey) {
    String v = config.get(configKey);
    if (v == null && eventKey != null && record.hyperparameters().get(eventKey) != null) {
      v = record.hyperparameters().get(eventKey).toString();
    }
    return Optional.ofNullable(v);
  }

  /**
   * A run folder's {@code environment.json} flattened to dotted keys ({@code seeds.train}); empty
   * without the file. Inference run folders have one too.
   */
  public static Map<String, String> environmentOf(Path dir) {
    return flatTree(dir.resolve(RunFolder.ENVIRONMENT), new ObjectMapper());
  }

  private static Map<String, String> flatTree(Path file, ObjectMapper mapper) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": cannot parse: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && root.isObject()) {
      flatten("", root, flat);
    } else if (root != null && !root.isMissingNode() && !root.isNull()) {
      throw new IllegalArgumentException(file + ": top level must be a mapping of keys");
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node.isValueNode()) {
      out.put(prefix, node.isNull() ? "null" : node.asText());
    } else {
      out.put(
          prefix, node.toString()); // lists stay one value: [fma, avx2] differ or not as a whole
    }
  }
}
