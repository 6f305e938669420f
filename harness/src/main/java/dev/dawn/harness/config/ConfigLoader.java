package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a training config: the built-in defaults, the file, an optional {@code --scale} and the
 * {@code --set} overrides are laid over each other and bound to {@link TrainConfig} in one pass, so
 * an unknown or mistyped key, a value of the wrong type or out of range fails before any work,
 * naming the file and line (or the {@code --set}), the key and what is allowed there.
 */
public final class ConfigLoader {

  /**
   * The effective config, its tree (written to the run folder as config.yaml) and where each key
   * was written.
   */
  public record Loaded(TrainConfig config, JsonNode tree, String source, ConfigLayers layers) {
    /** "file:line", "--set key" or the file: where to fix {@code key} (dotted). */
    public String where(String key) {
      return layers == null ? source : layers.where(key);
    }

    /**
     * Refuses a batch that does not fit the training split of the opened data set (the synthetic
     * set is checked when the config is read), before a run folder exists.
     */
    public void requireBatchesFit(long trainImages, String split) {
      List<String> problems = new ArrayList<>();
      for (var b : config.train().batchesFit(trainImages, split)) {
        problems.add(where("train." + b.key()) + ": key 'train." + b.key() + "' " + b.rule());
      }
      if (!problems.isEmpty()) throw new ConfigException(problems);
    }
  }

  public Loaded load(Path file, List<String> overrides) {
    return load(file, null, overrides);
  }

  /**
   * @param scale name of a partial config under {@code scales:} to lay over the file (e.g. cpu), or
   *     null
   */
  public Loaded load(Path file, String scale, List<String> overrides) {
    return load(ConfigYaml.read(file), file.toString(), scale, overrides);
  }

  public Loaded load(String yamlText, String source, List<String> overrides) {
    return load(yamlText, source, null, overrides);
  }

  /**
   * One key laid over the file after the {@code --set}s by a tool that read it elsewhere (a sweep
   * spec's grid cell), with the place an error should point at, e.g. {@code sweep.yaml:7}.
   */
  public record KeyValue(String key, JsonNode value, String origin) {}

  /**
   * As {@link #load(Path, String, List)}, then {@code placed} laid over in order and bound with the
   * rest.
   */
  public Loaded load(Path file, String scale, List<String> overrides, List<KeyValue> placed) {
    return load(ConfigYaml.read(file), file.toString(), scale, overrides, placed);
  }

  public Loaded load(String yamlText, String source, String scale, List<String> overrides) {
    return load(yamlText, source, scale, overrides, List.of());
  }

  private Loaded load(
      String yamlText, String source, String scale, List<String> overrides, List<KeyValue> placed) {
    JsonNode user = ConfigYaml.parse(yamlText, source);
    if (!user.isObject()) {
      throw new ConfigException(
          List.of(source + ": the top level must be a mapping of keys, e.g. 'train:'"));
    }
    YamlLineIndex lines;
    try {
      lines = new YamlLineIndex(yamlText);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the same text parsed above
    }
    ConfigLayers layers = new ConfigLayers(defaults(), source);
    layers.lay(
        (ObjectNode) user, key -> lines.line(key) == null ? null : source + ":" + lines.line(key));
    List<String> problems = new ArrayList<>();
    if (scale != null) {
      JsonNode scaled = user.path("scales").get(scale);
      if (scaled == null || !scaled.isObject()) {
        List<String> names = new ArrayList<>();
        user.path("scales").fieldNames().forEachRemaining(names::add);
        problems.add(
            source
                + ": --scale "
                + scale
                + ": no such scale under 'scales:'; this file has "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
      } else {
        String in = "scales." + scale + ".";
        layers.lay(
            (ObjectNode) scaled,
            key ->
                lines.line(in + key) == null
                    ? null
                    : source + ":" + lines.line(in + key) + " (scales." + scale + ")");
      }
    }
    for (String override : overrides) set(layers, override, problems);
    for (KeyValue kv : placed) layers.set(kv.key(), kv.value(), kv.origin());
    if (!problems.isEmpty()) throw new ConfigException(problems);
    return new Loaded(ConfigBinding.bind(layers), layers.tree(), source, layers);
  }

  /** Renders the effective config as YAML, for config.yaml in the run folder. */
  public String toYaml(JsonNode tree) {
    try {
      return ConfigYaml.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code --set key=value}: the value is YAML, laid over the tree like a one-key file and bound
   * with it.
   */
  private static void set(ConfigLayers layers, String override, List<String> problems) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      problems.add("--set " + override + ": expected key=value, e.g. --set train.batchSize=64");
      return;
    }
    String key = override.substring(0, eq).trim();
    String raw = override.substring(eq + 1);
    if (!key.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
      problems.add("--set " + key + ": a key is dotted names, e.g. train.batchSize");
      return;
    }
    try {
      layers.set(key, ConfigYaml.parseValue(raw, "--set " + key));
    } catch (JsonProcessingException e) {
      problems.add(
          "--set "
              + key
              + ": "
              + (ConfigYaml.nonFinite(e).isPresent()
                  ? "key '" + key + "' " + FiniteNumbers.broken(raw)
                  : "value '" + raw + "' is not a YAML value"));
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
  }

  /** The built-in defaults, a fresh copy. */
  static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
      return (ObjectNode) ConfigYaml.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in defaults.yaml unreadable", e);
    }
  }
}
