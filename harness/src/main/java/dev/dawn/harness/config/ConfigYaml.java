package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * YAML text to a tree, with limits, for every YAML file dawn reads (configs, sweep specs, hardware
 * and stack files): a config is a page of keys, so a file above {@link #MAX_BYTES} or deeper than
 * {@link #MAX_DEPTH} is refused before parsing spends minutes and gigabytes on it, and anchors and
 * aliases ({@code &name}, {@code *name}, {@code <<: *name}) are refused in one line: no config
 * needs them, and the parser underneath would not expand an alias but read it as the text of its
 * name, so a config with one would silently hold other values than it says.
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

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  static YAMLFactory factory() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loaderOptions())
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
    refuseAnchors(text, source);
    try {
      JsonNode tree = text.isBlank() ? null : MAPPER.readTree(text);
      return tree == null || tree.isNull() || tree.isMissingNode()
          ? MAPPER.createObjectNode()
          : tree;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String where = source + (line > 0 ? ":" + line : "");
      throw new ConfigException(
          List.of(
              nonFinite(e)
                  .map(number -> where + ": " + FiniteNumbers.broken(number))
                  .orElse(where + ": not valid YAML: " + problem(e))));
    }
  }

  /**
   * One YAML value of a {@code --set key=value}; an empty value is null.
   *
   * @param origin where the value was written, e.g. {@code --set train.epochs}
   */
  static JsonNode parseValue(String raw, String origin) throws JsonProcessingException {
    refuseAnchors(raw, origin);
    JsonNode value = raw.isEmpty() ? null : MAPPER.readTree(raw);
    return value == null || value.isMissingNode() ? MAPPER.nullNode() : value;
  }

  /**
   * The first anchor or alias in {@code text}, refused with its line; a text the parser cannot read
   * is left to {@link #parse} to report.
   */
  private static void refuseAnchors(String text, String source) {
    try {
      for (Event event : new Yaml(loaderOptions()).parse(new StringReader(text))) {
        String anchor = event instanceof NodeEvent node ? node.getAnchor() : null;
        if (anchor == null) continue;
        int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
        boolean alias = event instanceof AliasEvent;
        throw new ConfigException(
            List.of(
                source
                    + (line > 0 && !source.startsWith("--") ? ":" + line : "")
                    + ": YAML "
                    + (alias ? "alias '*" : "anchor '&")
                    + anchor
                    + "' is not allowed: write the value out (dawn reads no anchors or aliases)"));
      }
    } catch (YAMLException unreadable) {
      // reported by the parse that follows, with its line
    }
  }

  /**
   * The number a parse failed on because it is not finite ({@code .inf}, {@code .nan}: the tree
   * keeps floats as decimals, which have no infinity), if that is why it failed.
   */
  static Optional<String> nonFinite(JsonProcessingException e) {
    Matcher m = MALFORMED_NUMBER.matcher(String.valueOf(e.getOriginalMessage()));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static final Pattern MALFORMED_NUMBER =
      Pattern.compile("^Malformed numeric value '(.*)'");

  /**
   * What the parser found wrong, in one line: SnakeYAML's problem ("expected ',' or '}', but got
   * :") and its context ("while parsing a flow mapping" started at line 2), not its multi-line
   * snippet.
   */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
      String context =
          m.getContext() == null
              ? ""
              : " ("
                  + m.getContext()
                  + (m.getContextMark() == null
                      ? ""
                      : " started at line " + (m.getContextMark().getLine() + 1))
                  + ")";
      return m.getProblem().strip() + context;
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
