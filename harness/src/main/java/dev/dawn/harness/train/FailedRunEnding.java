package dev.dawn.harness.train;

/**
 * The last writes of a run that failed (its run_stop event, the files of its finished epochs). They
 * often fail for the same reason as the run (a full disk), so their errors are attached to the
 * run's error as suppressed instead of replacing it: the user reads the first error ("cannot write
 * weights.bin: No space left on device"), not "cannot append event 'run_stop'".
 */
final class FailedRunEnding {
  /** One of the last writes. */
  @FunctionalInterface
  interface Write {
    void run() throws Exception;
  }

  private FailedRunEnding() {}

  /**
   * Runs every write, each even when an earlier one failed; their failures end up suppressed in
   * {@code first}.
   */
  static void finish(Throwable first, Write... writes) {
    for (Write write : writes) {
      try {
        write.run();
      } catch (Exception | Error later) {
        if (later != first) {
          first.addSuppressed(later);
        }
      }
    }
  }
}
