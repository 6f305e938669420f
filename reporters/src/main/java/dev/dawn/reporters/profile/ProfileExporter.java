package dev.dawn.reporters.profile;

import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.csv.CsvTableWriter;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.ProfiledOps;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives {@code profile.csv} (a row per profile and op) and the chart of time per op type from a
 * run's {@link OpProfile#EVENT} events. A run without profiles gets neither file.
 */
public final class ProfileExporter {
  public static final String CSV = "profile.csv";
  public static final String CHART = "profile-by-op-type";
  public static final List<String> COLUMNS =
      List.of("profile", "op", "opType", "device", "calls", "totalUs", "meanUs", "sharePercent");

  private ProfileExporter() {}

  /** Every profile in the event log, in order. */
  public static List<OpProfile> profiles(List<Event> events) {
    return ProfiledOps.KIND.in(events).stream().map(OpProfile::fromEvent).toList();
  }

  public static List<Path> export(Path runDir) {
    List<OpProfile> profiles = profiles(EventLogReader.read(runDir.resolve(RunFolder.EVENTS)));
    if (profiles.isEmpty()) {
      return List.of();
    }
    List<Path> written = new ArrayList<>();
    Path csv = runDir.resolve(CSV);
    try {
      Files.writeString(csv, CsvTableWriter.write(table(profiles)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + csv, e);
    }
    written.add(csv);
    written.addAll(
        ChartEncoder.writeBoth(
            ProfileChart.byOpType("Time per op type", profiles), runDir.resolve(CHART)));
    return written;
  }

  public static CsvTable table(List<OpProfile> profiles) {
    List<List<Object>> rows = new ArrayList<>();
    for (OpProfile p : profiles) {
      for (OpTime op : p.ops()) {
        rows.add(
            List.of(
                p.label(),
                op.name(),
                op.type(),
                op.device(),
                op.calls(),
                round(op.totalMicros()),
                round(op.meanMicros()),
                round(100 * p.share(op))));
      }
    }
    return new CsvTable(COLUMNS, rows);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
