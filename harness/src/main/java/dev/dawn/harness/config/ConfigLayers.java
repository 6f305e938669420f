package dev.dawn.harness.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The effective config tree, built by laying layers (defaults, the file, its scale, each {@code
 * --set}) over each other, and for every key the layer it came from, so that an error points at the
 * file line or the {@code --set} to fix. Sections (keys holding a config record, e.g. {@code
 * train}) merge key by key; any other value, a schedule or a map included, is replaced whole.
 */
final class ConfigLayers {
  private final ObjectNode tree;
  private final String source;
  private final Set<String> sections;
  private final Map<String, String> where = new HashMap<>();

  ConfigLayers(ConfigSchema<?> schema, String source) {
    this.tree = schema.defaults();
    this.source = source;
    this.sections = schema.sections();
  }

  ObjectNode tree() {
    return tree;
  }

  /**
   * Lays a mapping over the tree; {@code origin} says where a dotted key of it was written, or null
   * when it cannot tell (then the enclosing key's place is used).
   */
  void lay(ObjectNode layer, java.util.function.Function<String, String> origin) {
    lay(tree, layer, "", origin);
  }

  private void lay(
      ObjectNode target,
      ObjectNode layer,
      String prefix,
      java.util.function.Function<String, String> origin) {
    Iterator<Map.Entry<String, JsonNode>> fields = layer.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String key = prefix + field.getKey();
      JsonNode value = field.getValue();
      record(key, value, origin);
      JsonNode current = target.get(field.getKey());
      if (sections.contains(key) && value.isNull())
        continue; // "train:" with nothing under it changes nothing
      if (sections.contains(key) && value.isObject() && current != null && current.isObject()) {
        lay((ObjectNode) current, (ObjectNode) value, key + ".", origin);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  /**
   * Where {@code key} and, inside a value laid whole (a schedule, a map), each nested key was
   * written.
   */
  private void record(
      String key, JsonNode value, java.util.function.Function<String, String> origin) {
    String at = origin.apply(key);
    if (at != null) where.put(key, at);
    if (value.isObject() && !sections.contains(key)) {
      value.fields().forEachRemaining(f -> record(key + "." + f.getKey(), f.getValue(), origin));
    }
  }

  /**
   * {@code --set a.b.c=value}: sets one key, inside a map or schedule too; the binding checks that
   * the key exists.
   */
  void set(String dottedKey, JsonNode value) {
    set(dottedKey, value, "--set " + dottedKey);
  }

  /**
   * As {@link #set(String, JsonNode)}, with {@code origin} as the place errors point at (e.g. a
   * sweep spec's line).
   */
  void set(String dottedKey, JsonNode value, String origin) {
    String[] parts = dottedKey.split("\\.");
    ObjectNode parent = tree;
    String prefix = "";
    for (int i = 0; i < parts.length - 1; i++) {
      prefix += (i == 0 ? "" : ".") + parts[i];
      JsonNode next = parent.get(parts[i]);
      if (next == null || !next.isObject()) {
        next = parent.putObject(parts[i]);
        where.put(prefix, origin);
      }
      parent = (ObjectNode) next;
    }
    parent.set(parts[parts.length - 1], value);
    where.put(dottedKey, origin);
  }

  /**
   * Where {@code key} (dotted, list items as [i]) was written: the nearest enclosing key that a
   * layer set.
   */
  String where(String key) {
    String k = key;
    while (true) {
      String w = where.get(k);
      if (w != null) return w;
      int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
      if (cut <= 0) return source;
      k = k.substring(0, cut);
    }
  }
}
