package dev.dawn.harness.cli;

/**
 * Input the user must fix (a path, a file, a flag); reported without a stack trace, exit status 2.
 */
final class BadInputException extends RuntimeException {
  BadInputException(String message) {
    super(message);
  }

  /** Keeps the cause for the stack trace of --verbose / DAWN_DEBUG=1. */
  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
