package dev.dawn.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.DawnCli;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.SweepRunStop;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.sweep.SweepFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real {@code dawn train} children on a tiny synthetic set (2x2 grid, 2 repeats, 1
 * epoch): a sweep process killed with SIGKILL mid-sweep loses no finished run, and {@code --resume}
 * runs exactly the rest.
 */
class SweepKillResumeTest {

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void killNineMidSweepThenResumeFinishesWithoutRedoingFinishedRuns(@TempDir Path dir)
      throws Exception {
    Path spec = TinySweep.spec(dir, "");
    Path results = dir.resolve("results");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process sweep =
        new ProcessBuilder(
                javaBin,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                DawnCli.class.getName(),
                "sweep",
                spec.toString(),
                "--results",
                results.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sweep.log").toFile())
            .start();
    Path sweepDir = null;
    List<SweepRunStop> before = List.of();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    try {
      while (Instant.now().isBefore(deadline) && sweep.isAlive()) {
        sweepDir = sweepFolder(results);
        if (sweepDir != null) {
          before = stops(sweepDir);
          if (before.size() >= 2) break;
        }
        Thread.sleep(200);
      }
    } finally {
      // SIGKILL the sweep and the run under way (an orphaned child would go on training by itself)
      List<ProcessHandle> children = sweep.descendants().toList();
      sweep.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      sweep.waitFor(30, TimeUnit.SECONDS);
      for (ProcessHandle c : children) c.onExit().get(30, TimeUnit.SECONDS);
    }
    String log = Files.readString(dir.resolve("sweep.log"));
    assertThat(sweepDir).as(log).isNotNull();
    before = stops(sweepDir);
    assertThat(before.size()).as(log).isBetween(2, 7);
    assertThat(before).allSatisfy(s -> assertThat(s.exitCode()).as(log).isZero());

    Path folder = sweepDir;
    int exit = DawnCli.commandLine().execute("sweep", "--resume", folder.toString());
    assertThat(exit).isZero();

    List<SweepRunStop> after = stops(sweepDir);
    assertThat(after).hasSize(8);
    assertThat(after.subList(0, before.size()))
        .isEqualTo(before); // finished runs kept, not run again
    assertThat(new HashSet<>(after.stream().map(s -> s.cell() + "/" + s.repeat()).toList()))
        .hasSize(8);
    assertThat(after)
        .allSatisfy(
            s -> assertThat(folder.resolve(s.runFolder()).resolve(RunFolder.EVENTS)).exists());
    List<String> runs = Files.readAllLines(sweepDir.resolve(SweepFiles.RUNS_CSV));
    assertThat(runs).hasSize(9);
    assertThat(runs.subList(1, 9)).allSatisfy(r -> assertThat(r).contains(",success,0,"));
    List<String> summary = Files.readAllLines(sweepDir.resolve(SweepFiles.SUMMARY_CSV));
    assertThat(summary).hasSize(5);
    assertThat(summary.subList(1, 5))
        .allSatisfy(r -> assertThat(r).contains(",2,2,")); // n 2, reached 2
    assertThat(sweepDir.resolve("time-to-target-vs-train.batchSize.png")).isRegularFile();
    assertThat(sweepDir.resolve("spec.yaml")).hasSameTextualContentAs(spec);

    Path report = dir.resolve("report.html");
    assertThat(
            DawnCli.commandLine()
                .execute("report", "--results", sweepDir.toString(), "--out", report.toString()))
        .isZero();
    assertThat(Files.readString(report))
        .contains("</code>: 8 runs, 4 cells", "<table id=\"verdict\">");
  }

  private static Path sweepFolder(Path results) throws Exception {
    Path sweeps = results.resolve("sweeps");
    if (!Files.isDirectory(sweeps)) return null;
    try (var s = Files.list(sweeps)) {
      return s.findFirst().orElse(null);
    }
  }

  private static List<SweepRunStop> stops(Path sweepDir) {
    Path events = sweepDir.resolve("sweep-events.jsonl");
    return Files.exists(events) ? SweepRunStop.KIND.in(EventLogReader.read(events)) : List.of();
  }
}
