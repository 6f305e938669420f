package dev.dawn.reporters.dawnbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Reads DAWNBench training TSVs as tolerantly as the CI's {@code pandas.read_csv(sep='\t')}:
 * columns by header name in any order, UTF-8 BOM, CRLF, blank lines, spaces around fields,
 * fractional epochs, empty fields as NaN. A row with the wrong number of fields or a non-number is
 * an error naming file, line and column.
 */
public final class TrainingTsvReader {
  private static final char BOM = '\uFEFF';

  private TrainingTsvReader() {}

  public static TrainingLog read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read training TSV " + file, e);
    }
    return parse(file, text);
  }

  static TrainingLog parse(Path file, String text) {
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().toList(); // splits on LF, CR and CRLF
    List<String> columns = null;
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (columns == null) {
        columns = Arrays.stream(fields).map(String::strip).toList();
        if (new HashSet<>(columns).size() != columns.size()) {
          throw new IllegalArgumentException(
              file + ":" + (i + 1) + ": duplicate column names in header " + columns);
        }
        continue;
      }
      if (fields.length != columns.size()) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": "
                + fields.length
                + " fields, header has "
                + columns.size()
                + " "
                + columns);
      }
      double[] row = new double[fields.length];
      for (int c = 0; c < fields.length; c++) {
        row[c] = number(file, i + 1, columns.get(c), fields[c].strip());
      }
      rows.add(row);
    }
    if (columns == null) {
      throw new IllegalArgumentException(file + ": empty training TSV (no header line)");
    }
    return new TrainingLog(file, columns, rows);
  }

  private static double number(Path file, int line, String column, String field) {
    if (field.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file + ":" + line + ": column '" + column + "' is not a number: '" + field + "'");
    }
  }
}
