package dev.dawn.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --results DIR} of the commands that write run folders, checked before any work starts and
 * without creating anything: a file in its place, or a folder that cannot be created or written,
 * fails at once naming the flag, instead of after a data set was generated or a model built.
 */
final class ResultsFolder {
  private ResultsFolder() {}

  static void requireWritable(Path results) {
    if (Files.exists(results) && !Files.isDirectory(results)) {
      throw new BadInputException("--results " + results + ": is a file, not a folder");
    }
    Path runs = results.toAbsolutePath().resolve("runs");
    Path existing = runs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new BadInputException(
          "--results " + results + ": cannot create " + runs + " (" + existing + " is a file)");
    }
    if (!Files.isWritable(existing)) {
      throw new BadInputException(
          "--results "
              + results
              + ": cannot create or write "
              + runs
              + " ("
              + existing
              + " is not writable)");
    }
  }
}
