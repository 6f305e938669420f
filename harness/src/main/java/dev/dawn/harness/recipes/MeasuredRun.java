package dev.dawn.harness.recipes;

import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.YamlDocument;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest of our runs of one config, found by the {@code name} in each run folder's {@code
 * config.yaml} (not the folder name, which another config's name could end with), and its record
 * rebuilt from {@code events.jsonl}.
 */
public record MeasuredRun(Path folder, RunRecord record) {
  /**
   * Newest run folder under {@code results/runs} whose config is named {@code configName}; folder
   * names sort by start time.
   */
  public static Optional<MeasuredRun> latest(Path results, String configName) throws IOException {
    Path runs = results.resolve("runs");
    if (!Files.isDirectory(runs)) return Optional.empty();
    Optional<Path> newest;
    try (Stream<Path> folders = Files.list(runs)) {
      newest =
          folders
              .filter(Files::isDirectory)
              .filter(f -> Files.isRegularFile(f.resolve(RunFolder.EVENTS)))
              .filter(f -> configName.equals(configName(f)))
              .max(Comparator.comparing(f -> f.getFileName().toString()));
    }
    if (newest.isEmpty()) return Optional.empty();
    Path folder = newest.get();
    return Optional.of(
        new MeasuredRun(
            folder, RunRecord.fromEvents(EventLogReader.read(folder.resolve(RunFolder.EVENTS)))));
  }

  private static String configName(Path folder) {
    Path config = folder.resolve(RunFolder.CONFIG);
    if (!Files.isRegularFile(config)) return null;
    try {
      return YamlDocument.read(config).tree().path("name").asText(null);
    } catch (ConfigException unreadable) {
      return null; // not a run of ours we can attribute; skip it rather than fail the listing
    }
  }
}
