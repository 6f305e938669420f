package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigException;
import dev.dawn.reporters.events.EventLogFormatException;
import dev.dawn.workloads.data.DatasetException;
import dev.dawn.workloads.models.export.WeightFileException;
import dev.dawn.workloads.training.MissingKernelException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What the user reads when a command fails: one line naming the file, key or flag and what is
 * wrong, and the exit status (2 for input the user must fix, 1 for a failure). The Java stack trace
 * is for {@code --verbose} or {@code DAWN_DEBUG=1} only.
 */
record FailureMessage(int exitCode, String line) {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  static FailureMessage of(Throwable e) {
    if (isBadInput(e)) {
      return new FailureMessage(BAD_INPUT, e.getMessage());
    }
    if (e instanceof UncheckedIOException u && u.getCause() != null && isBadInput(u.getCause())) {
      return new FailureMessage(BAD_INPUT, u.getCause().getMessage());
    }
    return new FailureMessage(FAILURE, "failed: " + describe(e));
  }

  private static boolean isBadInput(Throwable e) {
    return e instanceof ConfigException
        || e instanceof BadInputException
        || e instanceof DatasetException
        || e instanceof EventLogFormatException
        || e instanceof WeightFileException
        || e instanceof MissingKernelException
        || e instanceof dev.dawn.harness.cluster.ClusterStartException
        || e instanceof dev.dawn.harness.numerics.NumericsRefusedException
        || e instanceof dev.dawn.harness.checkpoint.ResumeRefusedException;
  }

  /**
   * The message and its causes, in words: file system errors say which file and why, not just the
   * path.
   */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(own(e));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String more = own(c);
      if (!text.toString().contains(more)) {
        text.append(": ").append(more);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    if (e.getSuppressed().length > 0) {
      // Later failures (e.g. writing run_stop on the same full disk) come after the first, never
      // instead of it.
      text.append(" (then also: ")
          .append(own(e.getSuppressed()[0]))
          .append(
              e.getSuppressed().length > 1
                  ? " and " + (e.getSuppressed().length - 1) + " more"
                  : "")
          .append(")");
    }
    return text.toString();
  }

  private static String own(Throwable e) {
    if (e instanceof FileSystemException f) {
      String file = f.getFile();
      String why =
          f instanceof AccessDeniedException
              ? "permission denied"
              : f instanceof FileAlreadyExistsException
                  ? "already exists"
                  : f instanceof NoSuchFileException
                      ? "no such file or folder"
                      : f instanceof NotDirectoryException
                          ? "not a folder"
                          : f instanceof DirectoryNotEmptyException
                              ? "folder is not empty"
                              : f.getReason() != null
                                  ? f.getReason()
                                  : f.getClass().getSimpleName();
      return (file == null ? "" : file + ": ")
          + why
          + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "");
    }
    if (e instanceof UncheckedIOException
        && e.getMessage() != null
        && e.getCause() != null
        && e.getMessage().endsWith(e.getCause().toString())) {
      return e.getMessage()
          .substring(0, e.getMessage().length() - e.getCause().toString().length())
          .replaceAll("[:\\s]+$", "");
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
