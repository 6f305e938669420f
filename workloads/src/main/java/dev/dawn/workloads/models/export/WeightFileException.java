package dev.dawn.workloads.models.export;

import java.nio.file.Path;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * A checkpoint or SavedModel file that is missing, truncated, corrupt or inconsistent; the message
 * names the file.
 */
public final class WeightFileException extends RuntimeException {
  public WeightFileException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public WeightFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }

  /**
   * TensorFlow failed to read or write {@code file}: {@code problem} (e.g. "cannot be read"), then
   * the first line of TensorFlow's message (the rest is graph detail).
   */
  public static WeightFileException of(Path file, String problem, TensorFlowException e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return new WeightFileException(file, problem + ": " + (nl < 0 ? m : m.substring(0, nl)), e);
  }
}
