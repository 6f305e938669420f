package dev.dawn.harness.infer;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The inference summary for a terminal: read back from inference-summary.csv, so it shows what was
 * written, including each variant's top-1 change against fp32 and its accuracy mark.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(Path summaryCsv) throws IOException {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-16s %4s %5s %6s %9s %9s %9s %9s %9s %7s %7s %7s %9s %8s  %s%n",
                "model",
                "px",
                "prec",
                "prune",
                "batch",
                "mean ms",
                "p50 ms",
                "p99 ms",
                "img/s",
                "top-1",
                "top-5",
                "d top-1",
                "params",
                "GFLOPs",
                "mark"));
    try (Reader r = Files.newBufferedReader(summaryCsv)) {
      List<CSVRecord> rows =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(r)
              .getRecords();
      for (CSVRecord row : rows) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-16s %4s %5s %6.2f %9s %9.3f %9.3f %9.3f %9.1f %7.2f %7.2f %7s %9s %8.4f  %s%n",
                row.get("model"),
                row.get("resolution"),
                row.get("precision"),
                num(row, "pruneRatio"),
                row.get("batchSize"),
                num(row, "latencyMeanMs"),
                num(row, "latencyP50Ms"),
                num(row, "latencyP99Ms"),
                num(row, "throughputImgS"),
                num(row, "top1Accuracy"),
                num(row, "top5Accuracy"),
                change(row),
                row.get("params"),
                num(row, "gflops"),
                mark(row)));
      }
    }
    return out.toString();
  }

  /** Top-1 points against fp32 of the same model and pruning; blank for fp32 and older runs. */
  private static String change(CSVRecord row) {
    if (!row.isMapped("top1ChangeVsFp32") || row.get("top1ChangeVsFp32").isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, "%+.2f", num(row, "top1ChangeVsFp32"));
  }

  /** A marked variant reads in capitals: it is no DAWNBench result, or lost accuracy. */
  private static String mark(CSVRecord row) {
    if (!row.isMapped("accuracyMark") || row.get("accuracyMark").isEmpty()) {
      return "";
    }
    return "<< " + row.get("accuracyMark").toUpperCase(Locale.ROOT);
  }

  private static double num(CSVRecord row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
