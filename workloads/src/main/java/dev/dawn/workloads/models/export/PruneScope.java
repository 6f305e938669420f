package dev.dawn.workloads.models.export;

/**
 * How {@link ChannelPruning} spreads the pruning fraction over the prunable convs and residual
 * groups.
 */
public enum PruneScope {
  /**
   * Each prunable conv (or residual group) loses the same fraction of its channels, lowest score
   * first.
   */
  PER_LAYER,
  /**
   * All prunable channels are ranked together by mean |w| (L1 divided by the filter's size, so
   * wide-fan-in layers are not favoured; for a residual group, the mean of its convs' values) and
   * the lowest fraction is removed; each conv or group keeps at least one channel.
   */
  GLOBAL
}
