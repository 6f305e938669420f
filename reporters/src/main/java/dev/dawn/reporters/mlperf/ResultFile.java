package dev.dawn.reporters.mlperf;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.MlLogLine;
import dev.dawn.reporters.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run as an MLPerf Training result file: {@code result_<i>.txt}, one {@code :::MLLOG} line per
 * event of its {@code events.jsonl}, in log order. MLPerf's submission layout puts a benchmark's
 * runs side by side ({@code <org>/results/<system>/resnet/result_0.txt} to {@code result_4.txt}).
 */
public final class ResultFile {
  private static final Pattern NAME = Pattern.compile("result_(\\d{1,9})\\.txt");

  private ResultFile() {}

  /** {@code result_<index>.txt}. */
  public static String name(int index) {
    return "result_" + index + ".txt";
  }

  /**
   * Writes {@code events} as {@code dir/result_<index>.txt} (replacing it), creating {@code dir}.
   */
  public static Path write(List<Event> events, Path dir, int index) throws IOException {
    Files.createDirectories(dir);
    StringBuilder text = new StringBuilder();
    for (Event e : events) text.append(MlLogLine.of(e)).append('\n');
    Path file = dir.resolve(name(index));
    AtomicFile.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    return file;
  }

  /**
   * Result files in {@code dir} numbered {@code count} or above: runs an export of {@code count}
   * runs would leave beside its own, which MLPerf's package checker would count as runs too.
   */
  public static List<Path> beyond(Path dir, int count) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                return m.matches() && Long.parseLong(m.group(1)) >= count;
              })
          .sorted()
          .toList();
    }
  }
}
