package dev.dawn.harness.project;

/**
 * A hardware or stack file, or an override, that breaks a rule; the message names the file and key.
 */
public final class HardwareFileException extends RuntimeException {
  public HardwareFileException(String message) {
    super(message);
  }
}
