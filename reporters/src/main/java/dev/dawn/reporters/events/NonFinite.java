package dev.dawn.reporters.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON has no NaN or Infinity, yet a diverged loss or an empty epoch's mean is one. On
 * writing, each such number becomes null and its place is recorded in the line's metadata under
 * {@link #FLAG}, as a map from a JSON pointer ({@code /value}, {@code /metadata/loss}, {@code
 * /value/batches/0/throughputImgS}) to {@code NaN}, {@code Infinity} or {@code -Infinity}. On
 * reading, the numbers are put back and the flag removed, so readers see the same values as the
 * writer had.
 */
public final class NonFinite {
  /** Metadata key listing the non-finite numbers of a line. */
  public static final String FLAG = "non_finite";

  private NonFinite() {}

  /**
   * A line's value and metadata with every non-finite number replaced by null, plus the flag when
   * there was any.
   */
  record Stripped(Object value, Map<String, Object> metadata) {}

  static Stripped strip(Object value, Map<String, Object> metadata) {
    Map<String, Object> found = new LinkedHashMap<>();
    Object v = strip(value, "/value", found);
    @SuppressWarnings("unchecked")
    Map<String, Object> m =
        (Map<String, Object>) strip(metadata == null ? Map.of() : metadata, "/metadata", found);
    if (!found.isEmpty()) {
      m = new LinkedHashMap<>(m);
      m.put(FLAG, found);
    }
    return new Stripped(v, m);
  }

  private static Object strip(Object o, String path, Map<String, Object> found) {
    if (o instanceof Double || o instanceof Float) {
      double d = ((Number) o).doubleValue();
      if (!Double.isFinite(d)) {
        found.put(path, Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return null;
      }
      return o;
    }
    if (o instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, x) ->
              out.put(String.valueOf(k), strip(x, path + "/" + escape(String.valueOf(k)), found)));
      return out;
    }
    if (o instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(strip(list.get(i), path + "/" + i, found));
      }
      return out;
    }
    return o;
  }

  /** The line's value and metadata with the flagged numbers restored and the flag removed. */
  @SuppressWarnings("unchecked")
  static Stripped restore(Object value, Map<String, Object> metadata) {
    if (metadata == null || !(metadata.get(FLAG) instanceof Map<?, ?> flags)) {
      return new Stripped(value, metadata);
    }
    Map<String, Object> meta = new LinkedHashMap<>(metadata);
    meta.remove(FLAG);
    Object[] root = {value, meta};
    for (Map.Entry<?, ?> f : flags.entrySet()) {
      double number =
          switch (String.valueOf(f.getValue())) {
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
          };
      String[] parts = String.valueOf(f.getKey()).split("/", -1);
      if (parts.length < 2 || !parts[0].isEmpty()) {
        throw new IllegalArgumentException(
            "'" + FLAG + "' entry '" + f.getKey() + "' is not a JSON pointer");
      }
      int top =
          switch (parts[1]) {
            case "value" -> 0;
            case "metadata" -> 1;
            default ->
                throw new IllegalArgumentException(
                    "'"
                        + FLAG
                        + "' entry '"
                        + f.getKey()
                        + "' must start with /value or /metadata");
          };
      if (parts.length == 2) {
        root[top] = number;
        continue;
      }
      Object container = root[top];
      for (int i = 2; i < parts.length; i++) {
        String part = unescape(parts[i]);
        boolean last = i == parts.length - 1;
        if (container instanceof Map<?, ?> m) {
          if (last) {
            ((Map<String, Object>) m).put(part, number);
          } else {
            container = m.get(part);
          }
        } else if (container instanceof List<?> l
            && part.matches("\\d+")
            && Integer.parseInt(part) < l.size()) {
          if (last) {
            ((List<Object>) l).set(Integer.parseInt(part), number);
          } else {
            container = l.get(Integer.parseInt(part));
          }
        } else {
          throw new IllegalArgumentException(
              "'" + FLAG + "' entry '" + f.getKey() + "' names no field of the line");
        }
      }
    }
    return new Stripped(root[0], (Map<String, Object>) root[1]);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String part) {
    return part.replace("~1", "/").replace("~0", "~");
  }
}
