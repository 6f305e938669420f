package dev.dawn.workloads.inference;

/**
 * What {@link MachineTailPass} timed, in pass order: image {@code i}, then fixed work in registers
 * {@code i}, then fixed work over memory {@code i}. Summaries are the reporting side's ({@code
 * dev.dawn.reporters.latency.MachineTail}).
 *
 * @param modelNanos per image: the model call
 * @param registerNanos per image: the pass of work in registers right after it
 * @param memoryNanos per image: the pass over the working set after that
 * @param workingSetBytes bytes the memory work sweeps
 */
public record MachineTailRun(
    long[] modelNanos, long[] registerNanos, long[] memoryNanos, long workingSetBytes) {
  public MachineTailRun {
    if (registerNanos.length != modelNanos.length || memoryNanos.length != modelNanos.length)
      throw new IllegalArgumentException(
          "one pass of each fixed work per image: "
              + modelNanos.length
              + " images, "
              + registerNanos.length
              + " and "
              + memoryNanos.length
              + " passes");
  }

  public int images() {
    return modelNanos.length;
  }
}
