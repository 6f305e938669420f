package dev.dawn.harness.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The effective config as its keys (the dotted keys `dawn keys` lists: a schedule or a map is one
 * value) and each value in a canonical text: mapping keys sorted and numbers written one way, so
 * two trees that bind to the same config give the same texts whatever file they were written in.
 */
public final class ConfigLeaves {
  private ConfigLeaves() {}

  /** A training config's key -> canonical value text, sorted by key. */
  public static SortedMap<String, String> of(JsonNode tree) {
    return of(tree, ConfigSchema.TRAINING);
  }

  public static SortedMap<String, String> of(JsonNode tree, ConfigSchema<?> schema) {
    SortedMap<String, String> out = new TreeMap<>();
    collect(tree, "", schema.sections(), out);
    return out;
  }

  private static void collect(
      JsonNode node, String prefix, Set<String> sections, Map<String, String> out) {
    node.fields()
        .forEachRemaining(
            f -> {
              String key = prefix + f.getKey();
              if (sections.contains(key) && f.getValue().isObject()) {
                collect(f.getValue(), key + ".", sections, out);
              } else {
                out.put(key, canonical(f.getValue()));
              }
            });
  }

  static String canonical(JsonNode value) {
    if (value.isObject()) {
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      StringBuilder s = new StringBuilder("{");
      for (String name : names) {
        if (s.length() > 1) s.append(',');
        s.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name))
            .append(':')
            .append(canonical(value.get(name)));
      }
      return s.append('}').toString();
    }
    if (value.isArray()) {
      StringBuilder s = new StringBuilder("[");
      for (JsonNode item : value) {
        if (s.length() > 1) s.append(',');
        s.append(canonical(item));
      }
      return s.append(']').toString();
    }
    if (value.isNumber()) {
      double d = value.asDouble();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    return value.toString();
  }
}
