package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a training config strictly: the built-in defaults are the schema, so an unknown or mistyped key, a value of
 * the wrong type or out of range fails before any work, naming the file, line, key and the keys allowed there.
 */
public final class ConfigLoader {
  /** Sections whose keys are free (their own factory checks them), so they replace the default instead of merging. */
  private static final Set<String> OPEN_MAPS = Set.of("optimizer.schedule", "optimizer.momentumSchedule", "reference", "scales",
      "model.channels");
  /** Lists of mappings, with an example item that is also the item schema. */
  private static final java.util.Map<String, String> LIST_ITEMS =
      java.util.Map.of("train.phases", "{epochs: 30, resolution: 128, batchSize: 256}");
  /** Keys whose default is null but that take a value of this type. */
  private static final java.util.Map<String, JsonNodeType> NULLABLE =
      java.util.Map.of("submission.costPerHour", JsonNodeType.NUMBER, "submission.usedBlacklist", JsonNodeType.BOOLEAN);

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The effective config and its tree (written to the run folder as config.yaml). */
  public record Loaded(TrainConfig config, JsonNode tree, String source) {}

  public Loaded load(Path file, List<String> overrides) {
    return load(file, null, overrides);
  }

  /** @param scale name of a partial config under {@code scales:} to lay over the file (e.g. cpu), or null */
  public Loaded load(Path file, String scale, List<String> overrides) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(List.of(file + ": config file not found"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + file, e);
    }
    return load(text, file.toString(), scale, overrides);
  }

  public Loaded load(String yamlText, String source, List<String> overrides) {
    return load(yamlText, source, null, overrides);
  }

  public Loaded load(String yamlText, String source, String scale, List<String> overrides) {
    List<String> problems = new ArrayList<>();
    ObjectNode merged = defaults();
    JsonNode user;
    YamlLineIndex lines;
    try {
      user = yamlText.isBlank() ? yaml.createObjectNode() : yaml.readTree(yamlText);
      lines = new YamlLineIndex(yamlText);
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(source + ":" + e.getLocation().getLineNr() + ": not valid YAML: "
          + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (user == null || user.isNull()) user = yaml.createObjectNode();
    if (!user.isObject()) {
      throw new ConfigException(List.of(source + ": the top level must be a mapping of keys, e.g. 'train:'"));
    }
    mergeChecked(merged, (ObjectNode) user, "", key -> source + lines.suffixFor(key), problems);
    if (scale != null) {
      JsonNode scaled = user.path("scales").get(scale);
      if (scaled == null || !scaled.isObject()) {
        List<String> names = new ArrayList<>();
        user.path("scales").fieldNames().forEachRemaining(names::add);
        problems.add(source + ": --scale " + scale + ": no such scale under 'scales:'; this file has "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
      } else {
        mergeChecked(merged, (ObjectNode) scaled, "",
            key -> source + lines.suffixFor("scales." + scale + "." + key) + " (scales." + scale + ")", problems);
      }
    }
    for (String override : overrides) applyOverride(merged, override, problems);
    if (!problems.isEmpty()) throw new ConfigException(problems);

    TrainConfig config;
    try {
      config = yaml.treeToValue(merged, TrainConfig.class);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new ConfigException(List.of(source + ": unknown key '" + e.getPropertyName() + "' in '" + path(e)
          + "'; allowed keys: " + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())));
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(source + ": " + path(e) + ": " + e.getOriginalMessage()));
    }
    problems.addAll(new ConfigRules(source, lines).check(config));
    if (!problems.isEmpty()) throw new ConfigException(problems);
    return new Loaded(config, merged, source);
  }

  /** Renders the effective config as YAML, for config.yaml in the run folder. */
  public String toYaml(JsonNode tree) {
    try {
      return yaml.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String path(JsonProcessingException e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)) return "";
    StringBuilder sb = new StringBuilder();
    for (var ref : m.getPath()) {
      if (ref.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
    }
    return sb.toString();
  }

  private ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in defaults.yaml unreadable", e);
    }
  }

  private interface Where {
    String of(String key);
  }

  private void mergeChecked(ObjectNode target, ObjectNode user, String prefix, Where where, List<String> problems) {
    Iterator<String> names = user.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      JsonNode value = user.get(name);
      if (!target.has(name)) {
        problems.add(where.of(key) + ": unknown key '" + key + "'; allowed keys"
            + (prefix.isEmpty() ? " at the top level" : " in '" + prefix + "'") + ": " + allowed(target));
        continue;
      }
      JsonNode current = target.get(name);
      if (OPEN_MAPS.contains(key)) {
        if (!value.isObject()) problems.add(where.of(key) + ": key '" + key + "' must be a mapping");
        else target.set(name, value);
      } else if (current.isObject()) {
        if (!value.isObject()) {
          problems.add(where.of(key) + ": key '" + key + "' must be a mapping with keys " + allowed((ObjectNode) current));
        } else {
          mergeChecked((ObjectNode) current, (ObjectNode) value, key, where, problems);
        }
      } else if (LIST_ITEMS.containsKey(key)) {
        if (checkList(key, value, where, problems)) target.set(name, value);
      } else {
        String typeProblem = typeProblem(key, current, value);
        if (typeProblem != null) problems.add(where.of(key) + ": " + typeProblem);
        else target.set(name, value);
      }
    }
  }

  /** Each item must be a mapping with exactly the item schema's keys, each of the schema value's type. */
  private boolean checkList(String key, JsonNode value, Where where, List<String> problems) {
    if (!value.isArray()) {
      problems.add(where.of(key) + ": key '" + key + "' must be a list, e.g. [" + LIST_ITEMS.get(key) + "]");
      return false;
    }
    ObjectNode schema = (ObjectNode) readYaml(LIST_ITEMS.get(key));
    int before = problems.size();
    for (int i = 0; i < value.size(); i++) {
      String itemKey = key + "[" + i + "]";
      JsonNode item = value.get(i);
      if (!item.isObject()) {
        problems.add(where.of(key) + ": " + itemKey + " must be a mapping with keys " + allowed(schema));
        continue;
      }
      item.fieldNames().forEachRemaining(f -> {
        if (!schema.has(f)) {
          problems.add(where.of(key) + ": unknown key '" + f + "' in '" + itemKey + "'; allowed keys: " + allowed(schema));
        } else {
          String typeProblem = typeProblem(itemKey + "." + f, schema.get(f), item.get(f));
          if (typeProblem != null) problems.add(where.of(key) + ": " + typeProblem);
        }
      });
      schema.fieldNames().forEachRemaining(f -> {
        if (!item.has(f)) problems.add(where.of(key) + ": " + itemKey + " needs key '" + f + "'");
      });
    }
    return problems.size() == before;
  }

  private JsonNode readYaml(String text) {
    try {
      return yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void applyOverride(ObjectNode merged, String override, List<String> problems) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      problems.add("--set " + override + ": expected key=value, e.g. --set train.batchSize=64");
      return;
    }
    String key = override.substring(0, eq).trim();
    String raw = override.substring(eq + 1);
    JsonNode value;
    try {
      value = raw.isEmpty() ? NullNode.getInstance() : yaml.readTree(raw);
      if (value == null) value = NullNode.getInstance();
    } catch (JsonProcessingException e) {
      problems.add("--set " + key + ": value '" + raw + "' is not a YAML value");
      return;
    }
    String[] parts = key.split("\\.");
    ObjectNode parent = merged;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      path.append(i == 0 ? "" : ".").append(parts[i]);
      JsonNode next = parent.get(parts[i]);
      boolean open = OPEN_MAPS.contains(path.toString());
      if (next == null || !next.isObject()) {
        problems.add("--set " + key + ": unknown key '" + path + "'; allowed keys"
            + (i == 0 ? " at the top level" : " in '" + path.substring(0, path.lastIndexOf(".")) + "'") + ": " + allowed(parent));
        return;
      }
      parent = (ObjectNode) next;
      if (open) {
        parent.set(parts[parts.length - 1], value);
        return;
      }
    }
    String leaf = parts[parts.length - 1];
    if (!parent.has(leaf)) {
      problems.add("--set " + key + ": unknown key '" + key + "'; allowed keys"
          + (parts.length == 1 ? " at the top level" : " in '" + path + "'") + ": " + allowed(parent));
      return;
    }
    JsonNode current = parent.get(leaf);
    if (current.isObject() && !OPEN_MAPS.contains(key)) {
      problems.add("--set " + key + ": '" + key + "' is a section; set one of its keys: " + allowed((ObjectNode) current));
      return;
    }
    String typeProblem = OPEN_MAPS.contains(key) ? (value.isObject() ? null : "key '" + key + "' must be a mapping")
        : typeProblem(key, current, value);
    if (typeProblem != null) problems.add("--set " + key + ": " + typeProblem);
    else parent.set(leaf, value);
  }

  private static String typeProblem(String key, JsonNode defaultValue, JsonNode value) {
    JsonNodeType expected = defaultValue.isNull() ? NULLABLE.get(key) : defaultValue.getNodeType();
    if (value.isNull()) {
      return defaultValue.isNull() || defaultValue.isTextual() ? null : "key '" + key + "' needs a value";
    }
    if (expected == null) return null;
    boolean ok = switch (expected) {
      case NUMBER -> value.isNumber() && (!defaultValue.isIntegralNumber() || value.isIntegralNumber());
      case BOOLEAN -> value.isBoolean();
      case STRING -> value.isTextual() || value.isNumber() || value.isBoolean();
      default -> true;
    };
    if (ok) return null;
    String wanted = switch (expected) {
      case NUMBER -> defaultValue.isIntegralNumber() ? "a whole number" : "a number";
      case BOOLEAN -> "true or false";
      default -> "a text";
    };
    return "key '" + key + "' must be " + wanted + ", got '" + value.asText(value.toString()) + "'";
  }

  private static String allowed(ObjectNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }
}
