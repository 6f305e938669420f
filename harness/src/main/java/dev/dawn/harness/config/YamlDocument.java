package dev.dawn.harness.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A YAML file read under the config limits (size, depth, aliases), with the line of each dotted
 * key, for files that sit beside configs (a sweep spec) and must report errors the way a config
 * does.
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
    String text = ConfigYaml.read(file);
    JsonNode tree = ConfigYaml.parse(text, file.toString());
    try {
      return new YamlDocument(file.toString(), text, tree, new YamlLineIndex(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the same text parsed above
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
