package dev.dawn.harness.numerics;

/**
 * A precision this host computes wrong with no correct path to take: one line naming the precision,
 * the check and layer, the error against its bound, the CPU and TensorFlow (exit 2).
 */
public final class NumericsRefusedException extends RuntimeException {
  NumericsRefusedException(String message) {
    super(message);
  }
}
