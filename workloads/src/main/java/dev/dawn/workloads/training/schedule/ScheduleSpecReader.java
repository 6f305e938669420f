package dev.dawn.workloads.training.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a schedule map (parsed YAML/JSON, e.g. a recipe written by hand) to {@link ScheduleSpec} strictly: an unknown
 * type or key, a missing key or a non-number is an error naming the path of the map (e.g. {@code train.lr.after}),
 * the key and the keys or types allowed there.
 */
public final class ScheduleSpecReader {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

  private ScheduleSpecReader() {}

  public static ScheduleSpec.LearningRate learningRate(Map<String, Object> spec, String where) {
    return read(spec, where, ScheduleSpec.LearningRate.class);
  }

  public static ScheduleSpec.Momentum momentum(Map<String, Object> spec, String where) {
    return read(spec, where, ScheduleSpec.Momentum.class);
  }

  private static <T extends ScheduleSpec> T read(Map<String, Object> spec, String where, Class<T> type) {
    if (spec == null) {
      throw new IllegalArgumentException(where + ": schedule description is missing");
    }
    try {
      return MAPPER.convertValue(spec, type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException m) {
        throw new IllegalArgumentException(message(m, spec, where), e);
      }
      throw e;
    }
  }

  private static String message(JsonMappingException e, Map<String, Object> root, String where) {
    List<Object> path = new ArrayList<>();
    for (JsonMappingException.Reference ref : e.getPath()) {
      path.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      List<Object> parent = path.subList(0, path.size() - 1);
      return at(where, parent) + ": unknown key '" + u.getPropertyName() + "' for schedule type '"
          + typeAt(root, parent) + "'; allowed keys: " + keysOf(u.getReferringClass());
    }
    if (e instanceof InvalidTypeIdException t) {
      Object value = valueAt(root, path);
      if (!(value instanceof Map<?, ?> map)) {
        List<Object> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1);
        return at(where, parent) + ": key '" + (path.isEmpty() ? "" : path.get(path.size() - 1))
            + "' must be a nested schedule map, got " + describe(value);
      }
      List<String> types = typesOf(t.getBaseType().getRawClass());
      Object name = map.get("type");
      if (!(name instanceof String) || t.getTypeId() == null) {
        return at(where, path) + ": key 'type' is required and must be one of " + types
            + (name == null ? "" : ", got " + describe(name));
      }
      return at(where, path) + ": unknown schedule type '" + name + "'; allowed types: " + types;
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
      return at(where, path) + ": " + cause.getMessage();
    }
    Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
    if (e instanceof MismatchedInputException && missing.find()) {
      return at(where, path) + ": schedule type '" + typeAt(root, path) + "' requires key '" + missing.group(1) + "'";
    }
    if (!path.isEmpty()) {
      // Every scalar key of a schedule is a number (alone or in a list).
      int last = path.size() - 1;
      boolean item = path.get(last) instanceof Integer && last > 0;
      String key = item ? path.get(last - 1) + "[" + path.get(last) + "]" : String.valueOf(path.get(last));
      return at(where, path.subList(0, item ? last - 1 : last)) + ": key '" + key + "' must be "
          + (e instanceof MismatchedInputException m && m.getTargetType() != null
              && java.util.Collection.class.isAssignableFrom(m.getTargetType()) ? "a list of numbers" : "a number") + ", got "
          + describe(valueAt(root, path));
    }
    return where + ": " + e.getOriginalMessage();
  }

  /** The spec as the map a config would write, {@code type} first (for run records). */
  public static Map<String, Object> toMap(ScheduleSpec spec) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("type", spec.typeName());
    out.putAll(MAPPER.convertValue(spec, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    return out;
  }

  /** {@code where} plus the nested schedule keys, e.g. train.lr.after. */
  private static String at(String where, List<Object> path) {
    StringBuilder sb = new StringBuilder(where);
    for (Object p : path) {
      sb.append(p instanceof Integer i ? "[" + i + "]" : "." + p);
    }
    return sb.toString();
  }

  private static Object valueAt(Object root, List<Object> path) {
    Object node = root;
    for (Object p : path) {
      if (node instanceof Map<?, ?> m) {
        node = m.get(p);
      } else if (node instanceof List<?> l && p instanceof Integer i && i < l.size()) {
        node = l.get(i);
      } else {
        return null;
      }
    }
    return node;
  }

  private static Object typeAt(Object root, List<Object> path) {
    return valueAt(root, path) instanceof Map<?, ?> m ? m.get("type") : null;
  }

  /** {@code type} and the record's keys in declaration order. */
  static List<String> keysOf(Class<?> record) {
    List<String> keys = new ArrayList<>(List.of("type"));
    if (record.isRecord()) {
      for (RecordComponent c : record.getRecordComponents()) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        keys.add(p != null && !p.value().isEmpty() ? p.value() : c.getName());
      }
    }
    return keys;
  }

  /** The type names a schedule slot accepts, in the order they are declared. */
  public static List<String> typesOf(Class<?> base) {
    List<String> names = new ArrayList<>();
    JsonSubTypes types = base.getAnnotation(JsonSubTypes.class);
    if (types != null) {
      for (JsonSubTypes.Type t : types.value()) names.add(t.name());
    }
    return names;
  }

  private static String describe(Object value) {
    return value == null ? "nothing (null)" : value.getClass().getSimpleName() + " '" + value + "'";
  }
}
