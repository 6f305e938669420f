package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The values a figure may take when its public sources do not pin it down (e.g. a cluster's
 * interconnect rate that its entry does not publish): {@code low} to {@code high}, the file's own
 * value lying between them. Written in a projection file's {@code ranges:} section as {@code
 * section.key: [low, high]}, each with its sources in a comment above.
 */
public record FigureRange(String key, double low, double high) {

  /** A range end, short: {@code 56}, {@code 0.14}, {@code 5.0E-6}. */
  static String number(double v) {
    if (v != 0 && Math.abs(v) < 1e-3) return Double.toString(v);
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * The ranges of a file: each key must be a number of the file ({@code tree}) whose value lies in
   * the range.
   *
   * @param node the {@code ranges:} section, or null when the file has none
   * @param where the place a dotted key was written ({@code file:line})
   */
  static Map<String, FigureRange> read(JsonNode node, JsonNode tree, UnaryOperator<String> where) {
    Map<String, FigureRange> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) return out;
    String section = ProjectionFile.RANGES;
    if (!node.isObject())
      throw new ProjectionFileException(
          where.apply(section) + ": '" + section + "' maps figures to [low, high]");
    var fields = node.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      String key = f.getKey();
      String at = where.apply(section + "." + key);
      JsonNode v = f.getValue();
      JsonNode figure = ProjectionFile.lookup(tree, key);
      if (figure == null || !figure.isNumber())
        throw new ProjectionFileException(
            at + ": range of '" + key + "', which is not a number of this file");
      if (!v.isArray()
          || v.size() != 2
          || !v.get(0).isNumber()
          || !v.get(1).isNumber()
          || !Double.isFinite(v.get(0).asDouble())
          || !Double.isFinite(v.get(1).asDouble())) {
        throw new ProjectionFileException(
            at + ": the range of '" + key + "' must be [low, high], two finite numbers");
      }
      double low = v.get(0).asDouble();
      double high = v.get(1).asDouble();
      double value = figure.asDouble();
      if (!(low <= value && value <= high))
        throw new ProjectionFileException(
            at
                + ": the range of '"
                + key
                + "' ["
                + low
                + ", "
                + high
                + "] must hold its value "
                + value);
      out.put(key, new FigureRange(key, low, high));
    }
    return out;
  }
}
