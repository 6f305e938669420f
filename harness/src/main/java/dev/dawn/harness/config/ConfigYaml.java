package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Config text to a YAML tree, with limits: a config is a page of keys, so a file above {@link
 * #MAX_BYTES}, deeper than {@link #MAX_DEPTH} or with aliases that expand is refused before parsing
 * spends minutes and gigabytes on it.
 */
final class ConfigYaml {
  /** 1 MiB: the largest reference config is under 10 KiB. */
  static final int MAX_BYTES = 1 << 20;

  static final int MAX_DEPTH = 50;
  static final int MAX_ALIASES = 50;

  /**
   * Floats stay decimal in the tree so that an out-of-range number keeps its text for the error
   * message.
   */
  static final ObjectMapper MAPPER =
      new ObjectMapper(factory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ConfigYaml() {}

  static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_BYTES)
                    .build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    return factory;
  }

  /**
   * The text of a config file, refused with one line when it is missing, a folder, too big or not
   * UTF-8.
   */
  static String read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException(
            List.of(file + ": is a folder; --config needs a YAML file (see reference-configs/)"));
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new ConfigException(
            List.of(file + ": not a regular file; --config needs a YAML file"));
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) throw tooBig(file.toString(), size);
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(file + ": config file not found"));
    } catch (CharacterCodingException e) {
      throw new ConfigException(List.of(file + ": not UTF-8 text; a config is a YAML text file"));
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read the config: " + e.getMessage()));
    }
  }

  static ConfigException tooBig(String source, long bytes) {
    return new ConfigException(
        List.of(
            source
                + ": "
                + bytes
                + " bytes; a config file may be at most "
                + MAX_BYTES
                + " bytes (1 MiB)"));
  }

  /** The YAML tree of a config text; an empty text is an empty mapping. */
  static JsonNode parse(String text, String source) {
    if (text.length() > MAX_BYTES) throw tooBig(source, text.length());
    try {
      JsonNode tree = text.isBlank() ? null : MAPPER.readTree(text);
      return tree == null || tree.isNull() || tree.isMissingNode()
          ? MAPPER.createObjectNode()
          : tree;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          List.of(
              source
                  + (line > 0 ? ":" + line : "")
                  + ": not valid YAML: "
                  + firstLine(e.getOriginalMessage())));
    }
  }

  /** One YAML value of a {@code --set key=value}; an empty value is null. */
  static JsonNode parseValue(String raw) throws JsonProcessingException {
    JsonNode value = raw.isEmpty() ? null : MAPPER.readTree(raw);
    return value == null || value.isMissingNode() ? MAPPER.nullNode() : value;
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
