package dev.dawn.reporters.compare;

/**
 * Runs that do not measure the same thing (task, target or data differ); the message is one line
 * saying which.
 */
public final class NotComparableException extends IllegalArgumentException {
  public NotComparableException(String message) {
    super(message);
  }
}
