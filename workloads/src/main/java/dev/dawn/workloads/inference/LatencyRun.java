package dev.dawn.workloads.inference;

/**
 * Per-item timings of one batch-1 pass over a list of inputs, as measured: summary statistics
 * (DAWNBench latency, percentiles) are the reporting side's job ({@code
 * dev.dawn.reporters.latency.LatencyStats}).
 *
 * @param warmupItems untimed items run before the measured ones (excluded from every number here)
 * @param preprocessNanos per item: preprocessing only
 * @param modelNanos per item: model call only
 * @param endToEndNanos per item: preprocessing + model (one clock span, not the sum of two
 *     readings)
 * @param wallNanos clock time of the whole measured loop, including the loop's own overhead and
 *     input closing
 * @param gcCollections per item: garbage collections that finished during its iteration
 *     (preprocessing, model call and closing its input)
 * @param gcMillis time the collectors accounted during the measured loop
 * @param jitMillis per item: ms the JIT compilers accounted during its iteration
 */
public record LatencyRun(
    int warmupItems,
    long[] preprocessNanos,
    long[] modelNanos,
    long[] endToEndNanos,
    long wallNanos,
    long[] gcCollections,
    long gcMillis,
    long[] jitMillis) {

  public int measuredItems() {
    return modelNanos.length;
  }

  /** Mean model time per item: the length of an average pass. */
  public long meanModelNanos() {
    long sum = 0;
    for (long t : modelNanos) sum += t;
    return sum / modelNanos.length;
  }

  /** Garbage collections during the measured loop. */
  public long gcCollectionsTotal() {
    long n = 0;
    for (long c : gcCollections) n += c;
    return n;
  }

  /** JIT compilation during the measured loop, in ms. */
  public long jitMillisTotal() {
    long ms = 0;
    for (long c : jitMillis) ms += c;
    return ms;
  }

  /** Items during whose iteration the JIT compiled for a millisecond or more. */
  public long itemsWithJit() {
    long n = 0;
    for (long c : jitMillis) if (c > 0) n++;
    return n;
  }

  /** Items whose iteration saw at least one garbage collection. */
  public long itemsWithGc() {
    long n = 0;
    for (long c : gcCollections) if (c > 0) n++;
    return n;
  }
}
