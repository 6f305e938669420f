package dev.dawn.reporters.compare;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A sweep cell named by some of its values, {@code key=value,key=value}: the syntax of {@code dawn
 * compare SWEEP_DIR@key=value} and of a sweep spec's {@code compare:} pairs. Numbers match by
 * value, so {@code train.batchSize=1024} matches {@code 1024.0}.
 *
 * @param values dotted key to the value as written, in the order written
 */
public record CellSelector(Map<String, String> values) {

  public CellSelector {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Parses {@code key=value,key=value}; the message names {@code where} and the part that is not
   * {@code key=value}.
   */
  public static CellSelector parse(String text, String where) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            where
                + ": '"
                + pair
                + "' is not key=value (a sweep cell is named key=value,key=value)");
      }
      values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return new CellSelector(values);
  }

  /** True when every selected key has the selected value in {@code cell} (text or number). */
  public boolean matches(Map<String, ?> cell) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      Object v = cell.get(e.getKey());
      if (v == null || !sameValue(String.valueOf(v).strip(), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Equal as text, or as decimal numbers ({@code 1024} and {@code 1024.0}). */
  static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** As written: {@code key=value,key=value}. */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(",");
    values.forEach((k, v) -> s.add(k + "=" + v));
    return s.toString();
  }
}
