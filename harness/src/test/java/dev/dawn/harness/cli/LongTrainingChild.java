package dev.dawn.harness.cli;

import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A {@code dawn train} child JVM on a tiny synthetic set with a target it cannot reach, for tests
 * that stop a run part-way (SIGTERM, SIGKILL). Closing it kills the child if it still runs.
 */
final class LongTrainingChild implements AutoCloseable {
  private static final Duration WAIT = Duration.ofMinutes(4);

  final Process process;
  private final Path results;
  private final Path log;

  private LongTrainingChild(Process process, Path results, Path log) {
    this.process = process;
    this.results = results;
    this.log = log;
  }

  static LongTrainingChild start(Path dir, String name) throws IOException {
    Path config = TinyTrainingConfig.writeEndless(dir, name, "");
    Path results = dir.resolve("results");
    Path log = dir.resolve("out.log");
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
            .redirectOutput(log.toFile())
            .start();
    return new LongTrainingChild(p, results, log);
  }

  /**
   * Waits, at most four minutes, until the run has logged {@code evaluations} eval_accuracy lines.
   *
   * @return the run's events.jsonl, or null when no run folder appeared in time
   */
  Path awaitEvaluations(int evaluations) throws Exception {
    Path events = null;
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      events = events();
      if (events != null
          && Files.readAllLines(events).stream()
                  .filter(l -> l.contains("\"eval_accuracy\""))
                  .count()
              >= evaluations) {
        break;
      }
      Thread.sleep(200);
    }
    return events;
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  private Path events() throws IOException {
    Path runs = results.resolve("runs");
    if (!Files.isDirectory(runs)) return null;
    try (var s = Files.list(runs)) {
      return s.map(r -> r.resolve(RunFolder.EVENTS)).filter(Files::exists).findFirst().orElse(null);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
