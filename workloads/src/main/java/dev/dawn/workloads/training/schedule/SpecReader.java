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
 * Binds one typed component description (a YAML/JSON map with a {@code type} key, e.g. a schedule
 * or an optimizer) to its sealed spec type through Jackson, strictly: an unknown type or key, a
 * missing key or a value of the wrong type is an error naming the path of the map (e.g. {@code
 * train.lr.after}), the key and the keys or types allowed there. The spec types say their keys and
 * types with Jackson annotations; this class only words the errors.
 */
public final class SpecReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final Pattern MISSING =
      Pattern.compile("Missing required creator property '([^']+)'");

  private SpecReader() {}

  /**
   * @param kind what the map describes, for messages: schedule, optimizer
   * @param type a sealed interface with {@code @JsonTypeInfo} on {@code type} and its
   *     {@code @JsonSubTypes}
   */
  public static <T> T read(Map<String, Object> spec, String where, String kind, Class<T> type) {
    if (spec == null) {
      throw new IllegalArgumentException(where + ": " + kind + " description is missing");
    }
    try {
      return MAPPER.convertValue(spec, type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException m) {
        throw new IllegalArgumentException(message(m, spec, where, kind), e);
      }
      throw e;
    }
  }

  private static String message(
      JsonMappingException e, Map<String, Object> root, String where, String kind) {
    List<Object> path = new ArrayList<>();
    for (JsonMappingException.Reference ref : e.getPath()) {
      path.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      List<Object> parent = path.subList(0, path.size() - 1);
      return at(where, parent)
          + ": unknown key '"
          + u.getPropertyName()
          + "' for "
          + kind
          + " type '"
          + typeAt(root, parent)
          + "'; allowed keys: "
          + keysOf(u.getReferringClass());
    }
    if (e instanceof InvalidTypeIdException t) {
      Object value = valueAt(root, path);
      if (!(value instanceof Map<?, ?> map)) {
        List<Object> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1);
        return at(where, parent)
            + ": key '"
            + (path.isEmpty() ? "" : path.get(path.size() - 1))
            + "' must be a nested "
            + kind
            + " map, got "
            + describe(value);
      }
      List<String> types = typesOf(t.getBaseType().getRawClass());
      Object name = map.get("type");
      if (!(name instanceof String) || t.getTypeId() == null) {
        return at(where, path)
            + ": key 'type' is required and must be one of "
            + types
            + (name == null ? "" : ", got " + describe(name));
      }
      return at(where, path)
          + ": unknown "
          + kind
          + " type '"
          + name
          + "'; allowed types: "
          + types;
    }
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException cause) {
      return at(where, path) + ": " + cause.getMessage();
    }
    Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
    if (e instanceof MismatchedInputException && missing.find()) {
      List<Object> item =
          path.isEmpty() || !missing.group(1).equals(path.get(path.size() - 1))
              ? path
              : path.subList(0, path.size() - 1);
      return at(where, item)
          + ": "
          + kind
          + " type '"
          + typeAt(root, item)
          + "' requires key '"
          + missing.group(1)
          + "'";
    }
    if (!path.isEmpty()) {
      int last = path.size() - 1;
      Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
      String wanted =
          target == Boolean.class || target == Boolean.TYPE
              ? "true or false"
              : target != null && java.util.Collection.class.isAssignableFrom(target)
                  ? "a list of numbers"
                  : "a number";
      boolean item = path.get(last) instanceof Integer && last > 0;
      String key =
          item ? path.get(last - 1) + "[" + path.get(last) + "]" : String.valueOf(path.get(last));
      return at(where, path.subList(0, item ? last - 1 : last))
          + ": key '"
          + key
          + "' must be "
          + wanted
          + ", got "
          + describe(valueAt(root, path));
    }
    return where + ": " + e.getOriginalMessage();
  }

  /** The spec as the map a config would write, {@code type} first (for run records). */
  public static Map<String, Object> toMap(Object spec) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("type", typeName(spec.getClass()));
    out.putAll(
        MAPPER.convertValue(
            spec, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
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

  /** The {@code type} name of a spec class, from the sealed interface that lists it. */
  public static String typeName(Class<?> specClass) {
    for (Class<?> parent : specClass.getInterfaces()) {
      JsonSubTypes types = parent.getAnnotation(JsonSubTypes.class);
      if (types == null) continue;
      for (JsonSubTypes.Type t : types.value()) {
        if (t.value() == specClass) return t.name();
      }
    }
    throw new IllegalArgumentException(specClass + " is not a listed subtype");
  }

  /** The type names a spec slot accepts, in the order they are declared. */
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
