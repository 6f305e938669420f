package dev.dawn.workloads.training.schedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one typed component description (a YAML/JSON map with a {@code type} key) strictly: every key must be known
 * for its type, and every error names the path of the map (e.g. {@code train.lr.after}), the key and the rule
 * broken. Used for schedules and optimisers.
 */
public final class SpecReader {

  private final Map<String, Object> spec;
  private final String where;
  private final String kind;
  private final String type;

  private SpecReader(Map<String, Object> spec, String where, String kind, String type) {
    this.spec = spec;
    this.where = where;
    this.kind = kind;
    this.type = type;
  }

  /** Reads {@code type} and checks that no key outside {@code type} + {@code allowedKeys} is present. */
  public static SpecReader open(
      Map<String, Object> spec, String where, String kind, Map<String, List<String>> keysByType) {
    if (spec == null) {
      throw new IllegalArgumentException(where + ": " + kind + " description is missing");
    }
    Object type = spec.get("type");
    if (!(type instanceof String name)) {
      throw new IllegalArgumentException(where + ": key 'type' is required and must be one of "
          + keysByType.keySet() + (type == null ? "" : ", got " + describe(type)));
    }
    List<String> allowed = keysByType.get(name);
    if (allowed == null) {
      throw new IllegalArgumentException(
          where + ": unknown " + kind + " type '" + name + "'; allowed types: " + keysByType.keySet());
    }
    Set<String> permitted = new LinkedHashSet<>();
    permitted.add("type");
    permitted.addAll(allowed);
    for (Object key : spec.keySet()) {
      if (!permitted.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' for " + kind + " type '" + name
            + "'; allowed keys: " + permitted);
      }
    }
    return new SpecReader(spec, where, kind, name);
  }

  public String type() {
    return type;
  }

  public String where() {
    return where;
  }

  public boolean has(String key) {
    return spec.containsKey(key);
  }

  public double number(String key) {
    if (!spec.containsKey(key)) {
      throw new IllegalArgumentException(where + ": " + kind + " type '" + type + "' requires key '" + key + "'");
    }
    return toNumber(spec.get(key), key);
  }

  public double number(String key, double fallback) {
    return spec.containsKey(key) ? toNumber(spec.get(key), key) : fallback;
  }

  public List<Double> numbers(String key) {
    if (!spec.containsKey(key)) {
      throw new IllegalArgumentException(where + ": " + kind + " type '" + type + "' requires key '" + key + "'");
    }
    if (!(spec.get(key) instanceof List<?> list)) {
      throw new IllegalArgumentException(where + ": key '" + key + "' must be a list of numbers, got "
          + describe(spec.get(key)));
    }
    List<Double> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(toNumber(list.get(i), key + "[" + i + "]"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object value = spec.get(key);
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(where + ": key '" + key + "' must be a nested " + kind + " map, got "
          + describe(value));
    }
    return (Map<String, Object>) value;
  }

  public void requireExactlyOne(String a, String b) {
    if (has(a) == has(b)) {
      throw new IllegalArgumentException(where + ": " + kind + " type '" + type + "' needs exactly one of '" + a
          + "' or '" + b + "'" + (has(a) ? ", got both" : ", got neither"));
    }
  }

  public void forbidWith(String key, String other) {
    if (has(key)) {
      throw new IllegalArgumentException(where + ": key '" + key + "' only goes with '" + other + "'");
    }
  }

  public boolean bool(String key, boolean fallback) {
    if (!spec.containsKey(key)) {
      return fallback;
    }
    Object value = spec.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(where + ": key '" + key + "' must be true or false, got " + describe(value));
  }

  /** Numbers, or strings holding a number: YAML 1.1 parsers read {@code 1e-4} (no dot) as a string. */
  private double toNumber(Object value, String key) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException(where + ": key '" + key + "' must be a number, got " + describe(value));
  }

  private static String describe(Object value) {
    return value == null ? "nothing (null)" : value.getClass().getSimpleName() + " '" + value + "'";
  }
}
