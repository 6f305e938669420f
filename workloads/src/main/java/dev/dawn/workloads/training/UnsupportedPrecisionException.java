package dev.dawn.workloads.training;

/**
 * The TensorFlow build has no kernel for an op in the configured {@code train.precision}: a config choice the user
 * must change (the message names the precision, the ops and what to use instead), not a failure of the run.
 */
public final class UnsupportedPrecisionException extends IllegalStateException {
  public UnsupportedPrecisionException(String message) {
    super(message);
  }
}
