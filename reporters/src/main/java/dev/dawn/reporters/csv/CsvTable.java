package dev.dawn.reporters.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A table of named columns (a sweep's results, the runs index). Cells are strings, numbers or null
 * (empty).
 *
 * @param columns unique names, in output order
 * @param rows each exactly {@code columns.size()} cells
 */
public record CsvTable(List<String> columns, List<List<Object>> rows) {
  public CsvTable {
    columns = List.copyOf(columns);
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("table columns must be unique, got " + columns);
    }
    List<List<Object>> copy = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "table row " + (i + 1) + " has " + row.size() + " cells, columns are " + columns);
      }
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row))); // cells may be null
    }
    rows = List.copyOf(copy);
  }

  /**
   * Builds a table from rows given as column → value maps; a missing key is an empty cell, an
   * unknown one an error.
   */
  public static CsvTable ofMaps(List<String> columns, List<Map<String, ?>> maps) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      Map<String, ?> m = maps.get(i);
      for (String k : m.keySet()) {
        if (!columns.contains(k)) {
          throw new IllegalArgumentException(
              "table row " + (i + 1) + " has column '" + k + "' not in " + columns);
        }
      }
      List<Object> row = new ArrayList<>();
      for (String c : columns) {
        row.add(m.get(c));
      }
      rows.add(row);
    }
    return new CsvTable(columns, rows);
  }
}
