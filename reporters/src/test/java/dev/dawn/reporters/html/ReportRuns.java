package dev.dawn.reporters.html;

import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFixture;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two run folders for report tests: the fixture, and a copy from another machine with another batch
 * size and hostile strings.
 */
final class ReportRuns {
  static final String OTHER_ID = "r-other \"quoted\" <script>alert('id')</script>";

  private ReportRuns() {}

  static List<RunDirectory> two(Path tmp) throws IOException {
    Path a = RunFixture.exported("imagenet-reached", tmp.resolve("runs/a"));
    Path b = RunFixture.exported("imagenet-reached", tmp.resolve("runs/b & c"));
    replace(
        b.resolve(RunFolder.EVENTS),
        "\"run_id\":\"r-reached\"",
        "\"run_id\":\"r-other \\\"quoted\\\" <script>alert('id')</script>\"");
    replace(b.resolve(RunFolder.CONFIG), "batchSize: 256", "batchSize: 512");
    replace(b.resolve(RunFolder.ENVIRONMENT), "\"AMD EPYC\"", "\"Intel Xeon <i>\"");
    replace(b.resolve(RunFolder.ENVIRONMENT), "\"cores\" : 2", "\"cores\" : 8");
    return List.of(RunDirectory.read(a), RunDirectory.read(b));
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    if (!text.contains(from)) {
      throw new IllegalStateException(file + " does not contain " + from);
    }
    Files.writeString(file, text.replace(from, to));
  }
}
