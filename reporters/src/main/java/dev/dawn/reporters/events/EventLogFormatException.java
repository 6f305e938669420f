package dev.dawn.reporters.events;

/**
 * A line of an event log that is not a valid event; the message names the file and 1-based line
 * number.
 */
public final class EventLogFormatException extends RuntimeException {
  private final int lineNumber;

  public EventLogFormatException(String message, int lineNumber, Throwable cause) {
    super(message, cause);
    this.lineNumber = lineNumber;
  }

  public int lineNumber() {
    return lineNumber;
  }
}
