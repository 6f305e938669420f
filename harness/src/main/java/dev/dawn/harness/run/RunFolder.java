package dev.dawn.harness.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's own folder {@code <results>/runs/<timestamp>-<name>/}. It is created atomically and never
 * reused, so a second run started in the same second gets a suffix instead of overwriting anything.
 */
public record RunFolder(Path dir, String runId) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  public static RunFolder create(Path resultsRoot, String name, LocalDateTime now)
      throws IOException {
    Path runs = resultsRoot.resolve("runs");
    Files.createDirectories(runs);
    String base = STAMP.format(now) + "-" + name;
    for (int attempt = 1; ; attempt++) {
      String id = attempt == 1 ? base : base + "-" + attempt;
      try {
        return new RunFolder(Files.createDirectory(runs.resolve(id)), id);
      } catch (FileAlreadyExistsException taken) {
        // someone else's run: never write into it
      }
    }
  }

  public Path events() {
    return dir.resolve("events.jsonl");
  }

  public Path config() {
    return dir.resolve("config.yaml");
  }

  public Path environment() {
    return dir.resolve("environment.json");
  }

  /**
   * The newest run folder under {@code resultsRoot/runs} whose name ends with {@code -name}, if
   * any.
   */
  public static java.util.Optional<Path> latest(Path resultsRoot, String nameSuffix)
      throws IOException {
    Path runs = resultsRoot.resolve("runs");
    if (!Files.isDirectory(runs)) return java.util.Optional.empty();
    try (var s = Files.list(runs)) {
      return s.filter(Files::isDirectory)
          .filter(p -> nameSuffix == null || p.getFileName().toString().contains("-" + nameSuffix))
          .filter(p -> Files.exists(p.resolve("events.jsonl")))
          .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    }
  }
}
