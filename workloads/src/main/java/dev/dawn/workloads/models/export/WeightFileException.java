package dev.dawn.workloads.models.export;

import java.nio.file.Path;

/**
 * A weights or SavedModel file that is missing, truncated or inconsistent; the message names the
 * file.
 */
public final class WeightFileException extends RuntimeException {
  public WeightFileException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public WeightFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
