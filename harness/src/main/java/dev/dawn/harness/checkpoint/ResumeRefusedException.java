package dev.dawn.harness.checkpoint;

/**
 * A run that cannot be resumed as asked (no checkpoint, another config, data set or dawn build);
 * the message is one line naming the run folder and what differs. Bad input: exit status 2.
 */
public final class ResumeRefusedException extends RuntimeException {
  public ResumeRefusedException(String message) {
    super(message);
  }
}
