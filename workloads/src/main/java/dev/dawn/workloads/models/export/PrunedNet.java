package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.FoldedNet;
import java.util.Map;

/**
 * Result of {@link ChannelPruning}.
 *
 * @param net the physically smaller net
 * @param keptFilters for every pruned conv (by name; every member of a pruned residual group):
 *     output channels kept, in the order the convs appear
 * @param before cost of the original net at its resolution
 * @param after cost of {@code net}
 */
public record PrunedNet(
    FoldedNet net, Map<String, Integer> keptFilters, NetCost before, NetCost after) {
  public PrunedNet {
    keptFilters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keptFilters));
  }
}
