package dev.dawn.workloads.distributed;

/**
 * Every group and instance key the data-parallel graphs use, in one place. A collective is matched
 * across devices and processes by (group key, instance key) alone, so each worker's separately
 * built graph must derive the same keys: from positions and fixed constants, never from counters.
 *
 * <p>A worker server remembers the shape of every (group, instance) pair for the rest of the
 * process (a second session reusing a pair with another shape fails with "Shape mismatch in the
 * collective instance"). So in a cluster the gradient and worker groups are keyed by a hash of what
 * fixes their shapes ({@link #layoutGroup}): sessions with the same layout share keys harmlessly,
 * sessions with another layout get other keys. Within one process the keys are the fixed ones
 * below, as every session has its own collective state.
 *
 * <ul>
 *   <li>Gradient group ({@link #GRADIENT_GROUP} in one process): every replica of every worker.
 *       Instance keys 1..buckets are the gradient buckets in send order ({@link #bucket}); {@link
 *       #LOSS} is the step's global mean loss.
 *   <li>Worker group ({@link #WORKER_GROUP} base): replica 0 of every worker. {@link
 *       #BN_STATISTICS} averages the BN moving statistics, {@link #EVAL_COUNTS} sums evaluation
 *       hits.
 *   <li>Group {@link #HANDSHAKE_GROUP}: replica 0 of every worker, in the handshake's own session.
 *       {@link #HANDSHAKE_LENGTHS}, then {@link #handshakeValues} (keyed by the count of values).
 * </ul>
 */
public final class CollectiveKeys {
  public static final int GRADIENT_GROUP = 1;
  public static final int WORKER_GROUP = 2;
  public static final int HANDSHAKE_GROUP = 3;

  /** Fixed instance keys start here, above any bucket count a model can have. */
  private static final int FIXED_BASE = 1 << 20;

  public static final int LOSS = FIXED_BASE + 1;
  public static final int BN_STATISTICS = FIXED_BASE + 2;
  public static final int EVAL_COUNTS = FIXED_BASE + 3;
  public static final int HANDSHAKE_LENGTHS = FIXED_BASE + 4;
  private static final int HANDSHAKE_VALUES = FIXED_BASE + 16;

  /** Largest number of values one handshake exchanges. */
  public static final int MAX_HANDSHAKE_VALUES = 1 << 20;

  /** Layout-derived group keys have this bit set, so they never equal the fixed ones. */
  private static final int LAYOUT_BIT = 1 << 30;

  private CollectiveKeys() {}

  /** Instance key of a handshake exchanging {@code count} values per worker. */
  public static int handshakeValues(int count) {
    if (count < 1 || count > MAX_HANDSHAKE_VALUES) {
      throw new IllegalArgumentException(
          "a handshake exchanges 1.." + MAX_HANDSHAKE_VALUES + " values, got " + count);
    }
    return HANDSHAKE_VALUES + count;
  }

  /**
   * A group key for a cluster's collectives derived from {@code base} (which group) and {@code
   * layout} (group size, message sizes: whatever fixes the collectives' shapes). Every worker
   * derives the same key from the same layout.
   */
  public static int layoutGroup(int base, long... layout) {
    long hash = 0xcbf29ce484222325L ^ base; // FNV-1a over the values
    for (long v : layout) {
      for (int i = 0; i < 8; i++) {
        hash ^= (v >>> (8 * i)) & 0xff;
        hash *= 0x100000001b3L;
      }
    }
    return LAYOUT_BIT | (int) ((hash ^ (hash >>> 32)) & (LAYOUT_BIT - 1));
  }

  /**
   * Instance key of the gradient bucket at {@code position} (0 = the first bucket sent, holding the
   * last layer).
   */
  public static int bucket(int position) {
    if (position < 0 || position >= FIXED_BASE - 1) {
      throw new IllegalArgumentException(
          "bucket position " + position + " is not in [0, " + (FIXED_BASE - 1) + ")");
    }
    return position + 1;
  }
}
