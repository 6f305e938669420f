package dev.dawn.harness.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dawn.harness.config.ConfigLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One point of the grid: a value for every grid and zip key.
 *
 * @param number 1-based, in the spec's order (the last axis moves fastest)
 * @param values dotted key to value, in the spec's order
 * @param origins dotted key to where the value was written in the spec
 */
public record SweepCell(int number, Map<String, JsonNode> values, Map<String, String> origins) {

  /** The cell's values as config keys laid over the base, errors pointing at the spec. */
  public List<ConfigLoader.KeyValue> settings() {
    List<ConfigLoader.KeyValue> out = new ArrayList<>();
    values.forEach((k, v) -> out.add(new ConfigLoader.KeyValue(k, v, origins.get(k))));
    return out;
  }

  /**
   * The values as plain Java values (numbers, text, booleans, lists, maps), for the sweep's events.
   */
  public Map<String, Object> plainValues() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, Plain.of(v)));
    return out;
  }

  /** "optimizer.name=lars, train.batchSize=256" for progress lines. */
  public String describe() {
    StringJoiner s = new StringJoiner(", ");
    values.forEach(
        (k, v) -> s.add(k + "=" + (v.isValueNode() ? String.valueOf(Plain.of(v)) : v.toString())));
    return s.length() == 0 ? "base config" : s.toString();
  }

  /** JSON tree values as plain Java values, decimals as doubles. */
  static final class Plain {
    private Plain() {}

    static Object of(JsonNode v) {
      if (v == null || v.isNull()) return null;
      if (v.isIntegralNumber())
        return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
      if (v.isNumber()) return v.doubleValue();
      if (v.isBoolean()) return v.booleanValue();
      if (v.isTextual()) return v.textValue();
      if (v.isArray()) {
        List<Object> list = new ArrayList<>();
        v.forEach(e -> list.add(of(e)));
        return list;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      v.fields().forEachRemaining(f -> map.put(f.getKey(), of(f.getValue())));
      return map;
    }
  }
}
