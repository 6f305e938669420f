package dev.dawn.harness.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A YAML file read under the config limits (size, depth, no anchors or aliases), with the line of
 * each dotted key, for files that sit beside configs (a sweep spec, a hardware or stack file) and
 * must report errors the way a config does.
 */
public final class YamlDocument {
  private final String source;
  private final String text;
  private final JsonNode tree;
  private final YamlLineIndex lines;

  private YamlDocument(String source, String text, JsonNode tree, YamlLineIndex lines) {
    this.source = source;
    this.text = text;
    this.tree = tree;
    this.lines = lines;
  }

  /**
   * Reads {@code file}; a missing, oversized or malformed file is a {@link ConfigException} naming
   * it.
   */
  public static YamlDocument read(Path file) {
    return parse(ConfigYaml.read(file), file.toString());
  }

  /**
   * {@code text} as read from {@code source}; a malformed or oversized text is a {@link
   * ConfigException} naming the source and line.
   */
  public static YamlDocument parse(String text, String source) {
    JsonNode tree = ConfigYaml.parse(text, source);
    try {
      return new YamlDocument(source, text, tree, new YamlLineIndex(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the same text parsed above
    }
  }

  /**
   * One YAML value given on a command line ({@code KEY=VALUE}), read by the same rules; an empty
   * value is null.
   *
   * @param key the key it is for, e.g. {@code device.imagesPerSecond}
   * @param origin names the value in errors, e.g. {@code --hw device.imagesPerSecond=1e400}
   * @throws ConfigException when it is not YAML, not a finite number or holds an anchor or alias
   */
  public static JsonNode value(String raw, String key, String origin) {
    try {
      return ConfigYaml.parseValue(raw, origin);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ConfigException(
          java.util.List.of(
              origin
                  + ": "
                  + (ConfigYaml.nonFinite(e).isPresent()
                      ? "key '" + key + "' " + FiniteNumbers.broken(raw)
                      : "value '" + raw + "' is not a YAML value")));
    }
  }

  public String text() {
    return text;
  }

  public JsonNode tree() {
    return tree;
  }

  /**
   * "file:line" of a dotted key (list items are not counted: {@code zip.train.batchSize}), or the
   * file.
   */
  public String where(String dottedKey) {
    Integer line = lines.line(dottedKey);
    return line == null ? source : source + ":" + line;
  }
}
