package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.quant.Int8Weights;
import java.util.EnumMap;
import java.util.Map;

/**
 * The INT8 weights this process can use, decided once by running the INT8 checks in it (about a
 * second): for tests and benchmarks, which run in a process of their own. The CLI reads the same
 * decision from {@code dawn doctor}'s cached results instead (harness {@code numerics}).
 */
public final class HostNumerics {
  /** Seed of the INT8 checks; any seed exercises the same kernels. */
  public static final long INT8_SEED = 11L;

  private static Int8Weights int8Weights;

  private HostNumerics() {}

  /**
   * @throws IllegalStateException when neither 8-bit nor 7-bit weights compute right here
   */
  public static synchronized Int8Weights int8Weights() {
    if (int8Weights == null) {
      Map<Int8Weights, Boolean> passed = new EnumMap<>(Int8Weights.class);
      for (Int8Weights w : Int8Weights.values()) {
        boolean all = true;
        for (Int8Pattern p : Int8Pattern.values()) {
          all &= Int8OpCheck.run(p, w, INT8_SEED).withinBound();
        }
        passed.put(w, all);
        if (all) {
          break; // the first range that passes is the choice
        }
      }
      int8Weights =
          Int8Choice.choose(passed)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "INT8 convolutions compute wrong results on this host with 8-bit and"
                              + " with 7-bit weights; run dawn doctor for the details"));
    }
    return int8Weights;
  }
}
