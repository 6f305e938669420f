package dev.dawn.harness.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.harness.config.FiniteNumbers;
import dev.dawn.harness.config.YamlDocument;
import java.util.function.UnaryOperator;

/**
 * Reading the projection's YAML files (hardware and stacks) strictly, by the rules of every YAML
 * dawn reads ({@link YamlDocument}: size, depth, no anchors or aliases, one line per error) and of
 * every number ({@link FiniteNumbers}): unknown, missing and null keys are errors, each reported in
 * one line naming the file and line (or the override) and the key.
 */
final class ProjectionYaml {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(FiniteNumbers.module())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private ProjectionYaml() {}

  /** The file's top-level mapping. */
  static ObjectNode mapping(YamlDocument doc, String source) {
    if (!(doc.tree() instanceof ObjectNode object))
      throw new ProjectionFileException(source + ": not a YAML mapping");
    return object;
  }

  /**
   * @param where the place a dotted key was written: {@code file:line}, or the override
   */
  static <T> T bind(ObjectNode tree, Class<T> type, UnaryOperator<String> where) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      String key = key(e);
      throw new ProjectionFileException(
          where.apply(key)
              + ": unknown key '"
              + key
              + "'; allowed there: "
              + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      String key = key(e);
      String rule = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new ProjectionFileException(
          where.apply(key)
              + ": key '"
              + key
              + (rule.startsWith(FiniteNumbers.RULE) ? "' " : "': ")
              + rule);
    } catch (JsonProcessingException e) {
      throw new ProjectionFileException(where.apply("") + ": " + e.getOriginalMessage());
    }
  }

  private static String key(JsonMappingException e) {
    return String.join(
        ".",
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
            .toList());
  }

  static void check(String source, boolean ok, String rule) {
    if (!ok) throw new ProjectionFileException(source + ": " + rule);
  }
}
