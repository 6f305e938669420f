package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.quant.Int8Weights;
import java.util.Map;
import java.util.Optional;

/**
 * Which INT8 weights a host computes right with, from the INT8 checks of each: 8-bit when every
 * pattern passes with them (full weight resolution), else 7-bit when every pattern passes with
 * those, else none. One rule for the in-process choice and for the one read from {@code dawn
 * doctor}'s cache.
 */
public final class Int8Choice {
  private Int8Choice() {}

  /**
   * @param allPassed per weight range, whether every INT8 pattern passed with it (a range not
   *     checked counts as failed)
   */
  public static Optional<Int8Weights> choose(Map<Int8Weights, Boolean> allPassed) {
    for (Int8Weights w : Int8Weights.values()) {
      if (allPassed.getOrDefault(w, false)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
