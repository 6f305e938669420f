package dev.dawn.reporters.dawnbench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Serialises Maps/Lists/scalars byte-for-byte like Python 3 {@code json.dump(obj, f, indent=4)},
 * the style of the Stanford DAWN seed entries: 4-space indent, {@code ": "} and {@code ","}
 * separators, LF, no final newline, {@code repr} floats, {@code ensure_ascii} escapes ({@code
 * \u00e9}), and empty containers as {@code {}}/{@code []}.
 */
public final class PythonJsonWriter {
  private static final String INDENT = "    ";

  private PythonJsonWriter() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value, 0);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      out.append(PythonFloatFormat.json(((Number) value).doubleValue()));
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof BigDecimal d) {
      out.append(PythonFloatFormat.json(d.doubleValue()));
    } else if (value instanceof Map<?, ?> map) {
      appendMap(out, map, depth);
    } else if (value instanceof List<?> list) {
      appendList(out, list, depth);
    } else {
      throw new IllegalArgumentException(
          "cannot write a "
              + value.getClass().getName()
              + " as JSON (allowed: null, String, Boolean, Number, Map, List)");
    }
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{");
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
      }
      out.append(first ? "" : ",").append('\n').append(INDENT.repeat(depth + 1));
      appendString(out, key);
      out.append(": ");
      append(out, e.getValue(), depth + 1);
      first = false;
    }
    out.append('\n').append(INDENT.repeat(depth)).append('}');
  }

  private static void appendList(StringBuilder out, List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[");
    for (int i = 0; i < list.size(); i++) {
      out.append(i == 0 ? "" : ",").append('\n').append(INDENT.repeat(depth + 1));
      append(out, list.get(i), depth + 1);
    }
    out.append('\n').append(INDENT.repeat(depth)).append(']');
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            // ensure_ascii: UTF-16 code units, so astral characters become surrogate pairs as in
            // Python.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
