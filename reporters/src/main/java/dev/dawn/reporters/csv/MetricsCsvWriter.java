package dev.dawn.reporters.csv;

import dev.dawn.reporters.dawnbench.PythonFloatFormat;
import dev.dawn.reporters.record.EpochRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code metrics.csv}: one RFC 4180 row per evaluated epoch, for spreadsheets and plotting tools.
 */
public final class MetricsCsvWriter {
  public static final List<String> HEADER =
      List.of(
          "epoch",
          "hours",
          "wall_hours",
          "loss",
          "learning_rate",
          "images_per_second",
          "top1_accuracy",
          "top5_accuracy");

  /**
   * Added after {@link #HEADER} when the log records data-parallel facts; logs from before they
   * were recorded keep their exact former file.
   */
  public static final List<String> DATA_PARALLEL_COLUMNS =
      List.of("replicas", "allreduce_buckets", "allreduce_bytes_per_step");

  /**
   * Added after the data-parallel columns when the log records the worker count (runs since workers
   * existed): the step split into computation and communication it did not hide, in ms; blank where
   * nothing was all-reduced.
   */
  public static final List<String> STEP_SPLIT_COLUMNS =
      List.of("workers", "compute_ms_per_step", "exposed_comm_ms_per_step");

  /**
   * Added last when the run was resumed: the checkpoint it continued from, on the first epoch that
   * ended after each resume.
   */
  public static final String RESUMED_FROM_COLUMN = "resumed_from";

  private MetricsCsvWriter() {}

  public static String write(List<EpochRecord> epochs) {
    boolean dataParallel = epochs.stream().anyMatch(e -> e.replicas() != null);
    List<String> header = new java.util.ArrayList<>(HEADER);
    boolean stepSplit = epochs.stream().anyMatch(e -> e.workers() != null);
    if (dataParallel || stepSplit) header.addAll(DATA_PARALLEL_COLUMNS);
    if (stepSplit) header.addAll(STEP_SPLIT_COLUMNS);
    boolean resumed = epochs.stream().anyMatch(e -> e.resumedFrom() != null);
    if (resumed) header.add(RESUMED_FROM_COLUMN);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (EpochRecord e : epochs) {
        List<Object> row =
            new java.util.ArrayList<>(
                List.of(
                    e.epoch(),
                    num(e.hours()),
                    num(e.wallHours()),
                    num(e.loss()),
                    num(e.learningRate()),
                    num(e.imagesPerSecond()),
                    num(e.top1Accuracy()),
                    num(e.top5Accuracy())));
        if (dataParallel || stepSplit) {
          row.addAll(
              List.of(
                  orEmpty(e.replicas()),
                  orEmpty(e.allReduceBuckets()),
                  orEmpty(e.allReducedBytesPerStep())));
        }
        if (stepSplit) {
          row.addAll(
              List.of(
                  orEmpty(e.workers()),
                  e.computeMsPerStep() == null ? "" : num(e.computeMsPerStep()),
                  e.exposedCommMsPerStep() == null ? "" : num(e.exposedCommMsPerStep())));
        }
        if (resumed) row.add(e.resumedFrom() == null ? "" : e.resumedFrom());
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // StringWriter does not fail
    }
    return out.toString();
  }

  /** Facts older logs do not record stay empty cells. */
  private static String orEmpty(Number n) {
    return n == null ? "" : n.toString();
  }

  private static String num(double x) {
    return PythonFloatFormat.repr(x);
  }
}
