package dev.dawn.workloads.training;

/**
 * The TensorFlow build has no kernel for an op in the requested dtype: a property of the build and
 * the chosen precision, not a bug, so the CLI reports the message alone (which names the ops and a
 * precision that works) and exits 2.
 */
public final class MissingKernelException extends IllegalStateException {
  public MissingKernelException(String message) {
    super(message);
  }
}
