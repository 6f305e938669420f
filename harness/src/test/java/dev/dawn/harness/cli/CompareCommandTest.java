package dev.dawn.harness.cli;

import static dev.dawn.harness.cli.ReportingCommandsTest.dawn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dawn compare on hand-written run folders: a verdict for comparable runs, exit 2 and one line
 * otherwise.
 */
class CompareCommandTest {
  @TempDir Path tmp;

  private Path fixture(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/runs/imagenet-reached"))) {
      for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }

  @Test
  void comparesTwoRunFoldersAndCommaLists() throws IOException {
    Path a = fixture("a");
    Path b = fixture("b");
    var run = dawn("compare", a + "," + b, b.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "A: 2 runs",
            "B: 1 run",
            "time to target",
            "epochs to target",
            "images/s",
            "Time to target: no difference detectable with 2 runs of A and 1 of B");
  }

  @Test
  void refusesRunsWithAnotherTargetInOneLine() throws IOException {
    Path a = fixture("a");
    Path b = fixture("b");
    Path events = b.resolve(RunFolder.EVENTS);
    Files.writeString(
        events, Files.readString(events).replace("\"threshold\":93.0", "\"threshold\":75.0"));
    var run = dawn("compare", a.toString(), b.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "dawn compare: cannot compare: the target differs (A's run r-reached vs"
                + " B's run r-reached): top5Accuracy >= 93% vs top5Accuracy >= 75%");
  }

  @Test
  void refusesAFolderThatIsNeitherRunNorSweep() throws IOException {
    var run =
        dawn(
            "compare",
            Files.createDirectories(tmp.resolve("empty")).toString(),
            fixture("b").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is neither a run folder").doesNotContain("Exception");
  }

  @Test
  void helpExplainsTheSides() {
    var run = dawn("compare", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("best accuracy", "bootstrap interval", "SWEEP_DIR@key=value");
    assertThat(run.err()).doesNotContain("Could not format");
  }
}
