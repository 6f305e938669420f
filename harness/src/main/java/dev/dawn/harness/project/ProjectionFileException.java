package dev.dawn.harness.project;

/**
 * A hardware (device), network or stack file, or an override, that breaks a rule; the message names
 * the file and key.
 */
public final class ProjectionFileException extends RuntimeException {
  public ProjectionFileException(String message) {
    super(message);
  }
}
