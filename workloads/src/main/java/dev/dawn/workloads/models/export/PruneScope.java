package dev.dawn.workloads.models.export;

/** How {@link ChannelPruning} spreads the pruning fraction over the prunable convs. */
public enum PruneScope {
  /** Each prunable conv loses the same fraction of its filters (lowest L1 norm first). */
  PER_LAYER,
  /**
   * All prunable filters are ranked together by mean |w| (L1 divided by the filter's size, so wide-fan-in layers are
   * not favoured) and the lowest fraction is removed; each conv keeps at least one filter.
   */
  GLOBAL
}
