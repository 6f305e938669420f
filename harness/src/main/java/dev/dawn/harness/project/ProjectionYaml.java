package dev.dawn.harness.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reading the projection's YAML files (hardware and stacks) strictly: unknown, missing and null
 * keys are errors, each reported in one line naming the file and the key.
 */
final class ProjectionYaml {
  static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private ProjectionYaml() {}

  static ObjectNode mapping(String yamlText, String source) {
    try {
      JsonNode node = MAPPER.readTree(yamlText);
      if (!(node instanceof ObjectNode object))
        throw new HardwareFileException(source + ": not a YAML mapping");
      return object;
    } catch (JsonProcessingException e) {
      throw new HardwareFileException(
          source
              + ":"
              + e.getLocation().getLineNr()
              + ": not valid YAML: "
              + e.getOriginalMessage());
    }
  }

  static <T> T bind(String source, ObjectNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw new HardwareFileException(
          source
              + ":"
              + e.getLocation().getLineNr()
              + ": unknown key '"
              + e.getPropertyName()
              + "'; allowed there: "
              + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      String key =
          String.join(
              ".",
              e.getPath().stream()
                  .map(
                      r ->
                          r.getFieldName() != null
                              ? r.getFieldName()
                              : String.valueOf(r.getIndex()))
                  .toList());
      throw new HardwareFileException(
          source + ": key '" + key + "': " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (JsonProcessingException e) {
      throw new HardwareFileException(source + ": " + e.getOriginalMessage());
    }
  }

  static void check(String source, boolean ok, String rule) {
    if (!ok) throw new HardwareFileException(source + ": " + rule);
  }
}
