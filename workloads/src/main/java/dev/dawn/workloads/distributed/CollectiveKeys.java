package dev.dawn.workloads.distributed;

/**
 * Every group and instance key the data-parallel graphs use, in one place. A collective is matched
 * across devices and processes by (group key, instance key) alone, so each worker's separately
 * built graph must derive the same keys: from positions and fixed constants, never from counters.
 *
 * <ul>
 *   <li>Group {@link #GRADIENT_GROUP}: every replica of every worker. Instance keys 1..buckets are
 *       the gradient buckets in send order ({@link #bucket}); {@link #LOSS} is the step's global
 *       mean loss.
 *   <li>Group {@link #WORKER_GROUP}: replica 0 of every worker. {@link #BN_STATISTICS} averages the
 *       BN moving statistics, {@link #EVAL_COUNTS} sums evaluation hits.
 *   <li>Group {@link #HANDSHAKE_GROUP}: replica 0 of every worker, in the handshake's own session.
 *       {@link #HANDSHAKE_LENGTHS} then {@link #HANDSHAKE_VALUES}.
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
  public static final int HANDSHAKE_VALUES = FIXED_BASE + 5;

  private CollectiveKeys() {}

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
