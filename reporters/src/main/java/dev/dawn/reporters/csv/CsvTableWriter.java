package dev.dawn.reporters.csv;

import dev.dawn.reporters.dawnbench.PythonFloatFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link CsvTable} as RFC 4180 CSV; doubles in Python repr (shortest round-trip), null as
 * an empty cell.
 */
public final class CsvTableWriter {
  private CsvTableWriter() {}

  public static String write(CsvTable table) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(table.columns().toArray(String[]::new)).get();
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(CsvTableWriter::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // StringWriter does not fail
    }
    return out.toString();
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      return PythonFloatFormat.repr(((Number) v).doubleValue());
    }
    return v.toString();
  }
}
