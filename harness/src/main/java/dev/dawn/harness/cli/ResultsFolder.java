package dev.dawn.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --results DIR} of the commands that write run folders, checked before any work starts: a file in its place
 * or a folder that cannot be written fails at once, naming the flag, instead of after a data set was generated or
 * a model built.
 */
final class ResultsFolder {
  private ResultsFolder() {}

  static void requireWritable(Path results) {
    if (Files.exists(results) && !Files.isDirectory(results)) {
      throw new BadInputException("--results " + results + ": is a file, not a folder");
    }
    Path runs = results.resolve("runs");
    try {
      Files.createDirectories(runs);
    } catch (IOException e) {
      throw new BadInputException("--results " + results + ": cannot create " + runs + " ("
          + FailureMessage.describe(e) + ")");
    }
    if (!Files.isWritable(runs)) {
      throw new BadInputException("--results " + results + ": " + runs + " is not writable");
    }
  }
}
