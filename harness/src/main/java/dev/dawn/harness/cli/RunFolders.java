package dev.dawn.harness.cli;

import dev.dawn.reporters.events.EventLogFormatException;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunsIndex;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the run folders a command was given, or all of {@code <results>/runs}; bad folders are the
 * user's to fix.
 */
final class RunFolders {
  private RunFolders() {}

  /** Every run folder, training and inference alike. */
  static List<Path> listAll(Path results) {
    List<Path> all = RunsIndex.runFolders(results.resolve("runs"));
    if (all.isEmpty()) {
      throw new BadInputException(
          "no run folders under "
              + results.resolve("runs")
              + "; train one first (make bench-train) or name run folders on the command line");
    }
    return all;
  }

  static List<Path> listOrAll(List<Path> given, Path results) {
    if (given != null && !given.isEmpty()) return given;
    // Inference run folders (dawn infer) hold no training record; they are ranked by dawn
    // leaderboard, not compared here.
    List<Path> all =
        RunsIndex.runFolders(results.resolve("runs")).stream()
            .filter(d -> !isInference(d))
            .toList();
    if (all.isEmpty()) {
      throw new BadInputException(
          "no run folders under "
              + results.resolve("runs")
              + "; train one first (make bench-train) or name run folders on the command line");
    }
    return all;
  }

  /** A folder written by dawn infer. */
  static boolean isInference(Path dir) {
    return dev.dawn.reporters.inference.InferenceRunRecord.isInferenceRun(dir);
  }

  static List<RunDirectory> read(List<Path> dirs) {
    List<RunDirectory> runs = new ArrayList<>();
    for (Path dir : dirs) runs.add(read(dir));
    return runs;
  }

  /**
   * Reads each folder with {@code reader}; a folder that cannot be read (an empty events.jsonl of a
   * run killed at once, a corrupt line) is left out with a warning naming it, so one bad folder
   * does not sink the whole index.
   */
  static <T> List<T> readUsable(
      List<Path> dirs, Function<Path, T> reader, Consumer<String> warnings) {
    List<T> out = new ArrayList<>();
    for (Path dir : dirs) {
      try {
        out.add(reader.apply(dir));
      } catch (BadInputException
          | IllegalArgumentException
          | EventLogFormatException
          | UncheckedIOException e) {
        warnings.accept("warning: skipping " + dir + ": " + e.getMessage());
      }
    }
    return out;
  }

  static RunDirectory read(Path dir) {
    if (!Files.isRegularFile(dir.resolve(RunFolder.EVENTS))) {
      throw new BadInputException(dir + ": not a run folder (no events.jsonl inside)");
    }
    try {
      return RunDirectory.read(dir);
    } catch (IllegalArgumentException | EventLogFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
