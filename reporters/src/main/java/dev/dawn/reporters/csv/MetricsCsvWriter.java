package dev.dawn.reporters.csv;

import dev.dawn.reporters.dawnbench.PythonFloatFormat;
import dev.dawn.reporters.record.EpochRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code metrics.csv}: one RFC 4180 row per evaluated epoch, for spreadsheets and plotting tools. */
public final class MetricsCsvWriter {
    public static final List<String> HEADER = List.of("epoch", "hours", "wall_hours", "loss", "learning_rate",
            "images_per_second", "top1_accuracy", "top5_accuracy");

    private MetricsCsvWriter() {
    }

    public static String write(List<EpochRecord> epochs) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (EpochRecord e : epochs) {
                printer.printRecord(e.epoch(), num(e.hours()), num(e.wallHours()), num(e.loss()),
                        num(e.learningRate()), num(e.imagesPerSecond()), num(e.top1Accuracy()), num(e.top5Accuracy()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // StringWriter does not fail
        }
        return out.toString();
    }

    private static String num(double x) {
        return PythonFloatFormat.repr(x);
    }
}
