package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a config of any {@link ConfigSchema}: the built-in defaults, the file, an optional {@code
 * --scale} and the {@code --set} overrides are laid over each other and bound to the schema's
 * records in one pass, so an unknown or mistyped key, a value of the wrong type or out of range
 * fails before any work, naming the file and line (or the {@code --set}), the key and what is
 * allowed there.
 */
final class ConfigReader {
  private ConfigReader() {}

  /** The bound config, its effective tree and where each key was written. */
  record Layered<T>(T config, ObjectNode tree, ConfigLayers layers) {}

  static <T extends Record> Layered<T> read(
      ConfigSchema<T> schema,
      String yamlText,
      String source,
      String scale,
      List<String> overrides,
      List<ConfigLoader.KeyValue> placed) {
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
    ConfigLayers layers = new ConfigLayers(schema, source);
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
    for (ConfigLoader.KeyValue kv : placed) layers.set(kv.key(), kv.value(), kv.origin());
    if (!problems.isEmpty()) throw new ConfigException(problems);
    return new Layered<>(ConfigBinding.bind(layers, schema), layers.tree(), layers);
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
}
