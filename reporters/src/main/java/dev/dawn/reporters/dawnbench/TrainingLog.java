package dev.dawn.reporters.dawnbench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A parsed DAWNBench training TSV: columns by name (in file order) and numeric rows.
 *
 * @param file where it was read from
 * @param columns header names, trimmed, in file order
 * @param rows one array per non-blank data line, values in column order (NaN for an empty field, as
 *     pandas); record equality compares these arrays by identity
 */
public record TrainingLog(Path file, List<String> columns, List<double[]> rows) {
  public TrainingLog {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public boolean hasColumn(String name) {
    return columns.contains(name);
  }

  public double value(int row, String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException(
          file + ": no column '" + column + "' (columns: " + columns + ")");
    }
    return rows.get(row)[c];
  }

  /** Maximum of a column ignoring NaN (pandas {@code max()}), empty when there is no number. */
  public OptionalDouble max(String column) {
    int c = indexOf(column);
    return rows.stream().mapToDouble(r -> r[c]).filter(v -> !Double.isNaN(v)).max();
  }

  /** Index of the first row, in file order, whose metric is at least the threshold. */
  public OptionalInt firstRowReaching(String metric, double threshold) {
    int c = indexOf(metric);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i)[c] >= threshold) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** DAWNBench time to accuracy: {@code hours} of the first row reaching the threshold. */
  public OptionalDouble hoursToReach(String metric, double threshold) {
    OptionalInt row = firstRowReaching(metric, threshold);
    return row.isPresent()
        ? OptionalDouble.of(value(row.getAsInt(), "hours"))
        : OptionalDouble.empty();
  }

  /** The rows as name → value maps, for display and tests. */
  public List<Map<String, Double>> asMaps() {
    return rows.stream().map(this::asMap).toList();
  }

  private Map<String, Double> asMap(double[] row) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      m.put(columns.get(i), row[i]);
    }
    return m;
  }

  private int indexOf(String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException(
          file + ": no column '" + column + "' (columns: " + columns + ")");
    }
    return c;
  }
}
