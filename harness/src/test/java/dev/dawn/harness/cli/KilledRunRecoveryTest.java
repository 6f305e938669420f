package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL keeps its finished epochs, and {@code dawn export} rebuilds the files
 * from them.
 */
class KilledRunRecoveryTest {

  @Test
  void killNineKeepsFinishedEpochsAndExportRebuildsTheFiles(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("long.yaml");
    Files.writeString(
        config,
        """
        name: killed
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 20, valPerClass: 5, imageSize: 40}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 500, batchSize: 20, targetAccuracy: 100.0}
        """
            .formatted(dir.resolve("synthetic")));
    Path results = dir.resolve("results");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                DawnCli.class.getName(),
                "train",
                "--config",
                config.toString(),
                "--results",
                results.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile())
            .start();
    Path events = null;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    try {
      while (Instant.now().isBefore(deadline)) {
        events = findEvents(results);
        if (events != null && countEvaluations(events) >= 2) break;
        Thread.sleep(200);
      }
    } finally {
      p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no run_stop
      p.waitFor();
    }
    assertThat(events).as(Files.readString(dir.resolve("out.log"))).isNotNull();
    List<String> lines = Files.readAllLines(events);
    assertThat(lines).noneMatch(l -> l.contains("\"run_stop\""));

    RunRecord record = RunRecord.fromEvents(EventLogReader.read(events));
    int finished = record.epochs().size();
    assertThat(finished).isGreaterThanOrEqualTo(2);

    Path run = events.getParent();
    var cli = DawnCli.commandLine();
    assertThat(cli.execute("export", run.toString())).isZero();
    try (var files = Files.list(run)) {
      Path tsv = files.filter(f -> f.toString().endsWith(".tsv")).findFirst().orElseThrow();
      assertThat(Files.readAllLines(tsv)).hasSize(1 + finished);
    }
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + finished);
    assertThat(run.resolve("accuracy.png")).isRegularFile();
  }

  private static Path findEvents(Path results) throws Exception {
    Path runs = results.resolve("runs");
    if (!Files.isDirectory(runs)) return null;
    try (var s = Files.list(runs)) {
      return s.map(r -> r.resolve("events.jsonl")).filter(Files::exists).findFirst().orElse(null);
    }
  }

  private static long countEvaluations(Path events) throws Exception {
    return Files.readAllLines(events).stream().filter(l -> l.contains("\"eval_accuracy\"")).count();
  }
}
