package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during dawn train: run_stop with status killed, the finished epochs' files, exit 143. */
class SigtermTest {
  @Test
  void sigtermWritesRunStopKeepsFinishedEpochsAndExits143(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("long.yaml");
    Files.writeString(
        config,
        """
        name: terminated
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
                "-Xmx1g",
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
    int exit;
    try {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline)) {
        events = findEvents(results);
        if (events != null
            && Files.readAllLines(events).stream().anyMatch(l -> l.contains("\"eval_accuracy\""))) {
          break;
        }
        Thread.sleep(200);
      }
      p.destroy(); // SIGTERM on Linux
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("process ends after SIGTERM").isTrue();
      exit = p.exitValue();
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    String out = Files.readString(dir.resolve("out.log"));
    assertThat(events).as(out).isNotNull();
    assertThat(exit).as(out).isEqualTo(143);
    List<String> lines = Files.readAllLines(events);
    assertThat(lines.get(lines.size() - 1))
        .as(out)
        .contains("\"run_stop\"")
        .contains("\"status\":\"killed\"");

    RunRecord record = RunRecord.fromEvents(EventLogReader.read(events));
    assertThat(record.status()).isEqualTo("killed");
    int finished = record.epochs().size();
    assertThat(finished).isGreaterThanOrEqualTo(1);
    try (var files = Files.list(events.getParent())) {
      Path tsv = files.filter(f -> f.toString().endsWith(".tsv")).findFirst().orElseThrow();
      assertThat(Files.readAllLines(tsv)).hasSize(1 + finished);
    }
    assertThat(out).contains("SIGTERM");
  }

  private static Path findEvents(Path results) throws Exception {
    Path runs = results.resolve("runs");
    if (!Files.isDirectory(runs)) return null;
    try (var s = Files.list(runs)) {
      return s.map(r -> r.resolve("events.jsonl")).filter(Files::exists).findFirst().orElse(null);
    }
  }
}
