package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.workloads.training.schedule.SpecReader;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the effective config tree to its root record ({@link ConfigSchema}): the records are the
 * schema. Each section is bound on its own so that one run reports the problems of every section;
 * unknown keys are all found first. Jackson's errors become one line each naming where the key was
 * written, the key and the rule.
 */
final class ConfigBinding {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .addModule(FiniteNumbers.module())
          .build();
  private static final Pattern MISSING =
      Pattern.compile("Missing required creator property '([^']+)'");

  private final ConfigLayers layers;
  private final ConfigSchema<?> schema;
  private final List<String> problems = new ArrayList<>();

  private ConfigBinding(ConfigLayers layers, ConfigSchema<?> schema) {
    this.layers = layers;
    this.schema = schema;
  }

  static <T extends Record> T bind(ConfigLayers layers, ConfigSchema<T> schema) {
    return new ConfigBinding(layers, schema).bind(layers.tree(), schema.root());
  }

  private <T extends Record> T bind(ObjectNode tree, Class<T> root) {
    unknownKeys(tree, MAPPER.constructType(root), "");
    if (!problems.isEmpty()) throw new ConfigException(problems);
    for (RecordComponent c : root.getRecordComponents()) {
      JsonNode node = tree.get(c.getName());
      if (node == null)
        continue; // the defaults hold every key; the record says what a missing one means
      read(node, MAPPER.getTypeFactory().constructType(c.getGenericType()), c.getName());
    }
    if (!problems.isEmpty()) throw new ConfigException(problems);
    T config = read(tree, MAPPER.constructType(root), "");
    if (!problems.isEmpty()) throw new ConfigException(problems);
    return config;
  }

  /**
   * Binds {@code node}; a value of the wrong type is reported and, so that the section's other
   * values are checked too (Jackson stops at the first), replaced by its default and the section
   * bound again. Once a value was replaced, a rule of the record (which ties values together) is
   * not judged on the stand-in.
   */
  private <T> T read(JsonNode node, JavaType type, String prefix) {
    JsonNode current = node;
    boolean replaced = false;
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (int attempt = 0; attempt < MAX_REPORTED_PER_SECTION; attempt++) {
      try {
        return MAPPER.readerFor(type).readValue(current);
      } catch (ValueInstantiationException e) {
        if (!replaced) problems.addAll(describe(e, prefix));
        return null;
      } catch (JsonMappingException e) {
        List<String> found = describe(e, prefix);
        if (!reported.addAll(found)) return null; // nothing new: the stand-in did not help
        problems.addAll(found);
        if (e instanceof InvalidTypeIdException || e.getPath().isEmpty()) return null;
        current = current.deepCopy();
        if (!standIn(current, e.getPath(), prefix)) return null;
        replaced = true;
      } catch (IOException e) {
        problems.add(layers.where(prefix) + ": key '" + prefix + "': " + e.getMessage());
        return null;
      }
    }
    return null;
  }

  /** A section with more bad values than this is reported in part. */
  private static final int MAX_REPORTED_PER_SECTION = 50;

  /**
   * Puts the default of the value at {@code path} (under {@code prefix}) in its place, or removes
   * it when there is none; false when it cannot (a list item).
   */
  private boolean standIn(JsonNode root, List<JsonMappingException.Reference> path, String prefix) {
    JsonNode parent = root;
    JsonNode fallback = schema.defaults();
    for (String part : prefix.isEmpty() ? new String[0] : prefix.split("\\.")) {
      fallback = fallback == null ? null : fallback.get(part);
    }
    for (int i = 0; i < path.size(); i++) {
      String field = path.get(i).getFieldName();
      if (field == null || !(parent instanceof ObjectNode object) || !object.has(field))
        return false; // a list item, or a key that is missing rather than wrong
      fallback = fallback == null ? null : fallback.get(field);
      if (i == path.size() - 1) {
        if (fallback != null && !fallback.equals(object.get(field)))
          object.set(field, fallback.deepCopy());
        else object.remove(field);
        return true;
      }
      parent = object.get(field);
    }
    return false;
  }

  /**
   * Every unknown key in the tree, found by walking it beside the record types (Jackson stops at
   * the first one, and only after the record's other checks), each with the keys allowed beside it.
   */
  private void unknownKeys(JsonNode node, JavaType type, String key) {
    if (node == null || !node.isContainerNode()) return;
    if (type.isCollectionLikeType()) {
      for (int i = 0; node.isArray() && i < node.size(); i++)
        unknownKeys(node.get(i), type.getContentType(), key + "[" + i + "]");
      return;
    }
    Class<?> raw = type.getRawClass();
    JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
    if (subtypes != null) {
      raw = null; // the binding names an unknown or missing type
      for (JsonSubTypes.Type t : subtypes.value())
        if (t.name().equals(node.path("type").asText())) raw = t.value();
    }
    if (raw == null || !raw.isRecord() || !node.isObject()) return;
    Map<String, JavaType> keys = new java.util.LinkedHashMap<>();
    for (RecordComponent c : raw.getRecordComponents()) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      keys.put(
          p != null && !p.value().isEmpty() ? p.value() : c.getName(),
          MAPPER.constructType(c.getGenericType()));
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String child = join(key, field.getKey());
      if (subtypes != null && field.getKey().equals("type")) continue;
      if (keys.containsKey(field.getKey())) {
        unknownKeys(field.getValue(), keys.get(field.getKey()), child);
      } else if (key.isEmpty()) {
        problems.add(
            layers.where(child)
                + ": unknown key '"
                + child
                + "'; allowed keys at the top level: "
                + sorted(keys.keySet())
                + renamed(field.getKey(), keys.keySet()));
      } else if (key.endsWith("]")) {
        problems.add(
            layers.where(child)
                + ": unknown key '"
                + field.getKey()
                + "' in '"
                + key
                + "'; allowed keys: "
                + sorted(keys.keySet())
                + renamed(field.getKey(), keys.keySet()));
      } else {
        problems.add(
            layers.where(child)
                + ": unknown key '"
                + child
                + "'; allowed keys in '"
                + key
                + "'"
                + (subtypes != null ? " (type " + node.path("type").asText() + ")" : "")
                + ": "
                + sorted(keys.keySet())
                + renamed(field.getKey(), keys.keySet()));
      }
    }
  }

  private List<String> describe(JsonMappingException e, String prefix) {
    String key = join(prefix, path(e.getPath()));
    JsonNode value = nodeAt(layers.tree(), key);
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof ConfigRuleException rules) {
      List<String> out = new ArrayList<>();
      for (ConfigRuleException.Broken b : rules.broken()) {
        String k = join(key, b.key());
        out.add(layers.where(k) + ": key '" + k + "' " + b.rule());
      }
      return out;
    }
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException cause) {
      return List.of(layers.where(key) + ": key '" + key + "' " + cause.getMessage());
    }
    if (e instanceof InvalidTypeIdException t) {
      List<String> types = SpecReader.typesOf(t.getBaseType().getRawClass());
      if (value == null || !value.isObject()) {
        return List.of(
            layers.where(key)
                + ": key '"
                + key
                + "' must be a mapping with a 'type' (one of "
                + types
                + "), got '"
                + text(value)
                + "'");
      }
      JsonNode type = value.get("type");
      return List.of(
          layers.where(join(key, "type"))
              + ": key '"
              + join(key, "type")
              + "' "
              + (type == null || type.isNull()
                  ? "is required: one of " + types
                  : "must be one of " + types + ", got '" + text(type) + "'"));
    }
    Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
    if (missing.find()) {
      String item =
          key.endsWith("." + missing.group(1))
              ? key.substring(0, key.length() - missing.group(1).length() - 1)
              : key;
      return List.of(layers.where(item) + ": " + item + " needs key '" + missing.group(1) + "'");
    }
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty()))
      return List.of(layers.where(key) + ": key '" + key + "' needs a value");
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == Double.TYPE || target == Double.class) {
      return List.of(
          layers.where(key) + ": key '" + key + "' " + FiniteNumbers.broken(text(value)));
    }
    if (target == null && value.isIntegralNumber()) {
      return List.of(
          layers.where(key) + ": key '" + key + "' is out of range, got '" + text(value) + "'");
    }
    return List.of(
        layers.where(key)
            + ": key '"
            + key
            + "' must be "
            + wanted(target)
            + ", got '"
            + text(value)
            + "'");
  }

  private static String wanted(Class<?> type) {
    if (type == null) return "of another form";
    if (type == Integer.TYPE || type == Integer.class || type == Long.TYPE || type == Long.class) {
      return "a whole number";
    }
    if (type == Boolean.TYPE || type == Boolean.class) return "true or false";
    if (type.isEnum()) {
      return "one of "
          + new TreeSet<>(
              Arrays.stream(type.getEnumConstants())
                  .map(c -> MAPPER.valueToTree(c).asText())
                  .toList());
    }
    if (type.isRecord()) {
      return "a mapping with keys "
          + sorted(
              Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }
    if (Map.class.isAssignableFrom(type)) return "a mapping";
    if (Collection.class.isAssignableFrom(type)) return "a list";
    if (type == String.class) return "a text";
    return "of another form";
  }

  private static String text(JsonNode value) {
    if (value == null) return "nothing";
    return value.isValueNode() ? value.asText(value.toString()) : value.toString();
  }

  private static JsonNode nodeAt(JsonNode root, String key) {
    JsonNode node = root;
    for (String part : key.isEmpty() ? new String[0] : key.split("\\.")) {
      int bracket = part.indexOf('[');
      node = node.get(bracket < 0 ? part : part.substring(0, bracket));
      if (node == null) return null;
      for (Matcher m = Pattern.compile("\\[(\\d+)]").matcher(part); m.find(); ) {
        node = node.get(Integer.parseInt(m.group(1)));
        if (node == null) return null;
      }
    }
    return node;
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null)
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
    }
    return sb.toString();
  }

  /**
   * Config keys are camelCase; a schedule's keys were snake_case once ({@code decay_epochs}). A key
   * written the old way names the one it became.
   */
  static String renamed(String key, java.util.Set<String> allowed) {
    if (!key.contains("_")) {
      return "";
    }
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char ch : key.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return allowed.contains(camel.toString())
        ? " ('" + key + "' is now '" + camel + "': config keys are camelCase)"
        : "";
  }

  private static String join(String prefix, String key) {
    if (prefix.isEmpty()) return key;
    if (key.isEmpty()) return prefix;
    return prefix + (key.startsWith("[") ? "" : ".") + key;
  }

  private static String sorted(Collection<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
