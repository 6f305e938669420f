package dev.dawn.harness.project;

import java.util.List;
import java.util.Locale;

/**
 * The cluster around the devices: the network between machines and how gradients travel over it,
 * read from a network file, {@code reference-configs/networks/*.yaml}. A device file says what one
 * device and its machine do; this file says how the machines are joined, so the same device can be
 * projected on another cluster (and a cluster whose figures its entry does not publish carries a
 * range for each, see {@link FigureRange}). Every figure has its source or the reason for its value
 * beside it.
 */
public record NetworkSpec(String name, Network network, Communication communication, Fit fit) {

  /**
   * The network between nodes.
   *
   * @param gigabitsPerSecond line rate of one node's network, Gbit/s
   * @param efficiency share of the line rate an all-reduce achieves (a free parameter)
   * @param latencySeconds latency of one ring hop between nodes: the per-message cost
   */
  public record Network(double gigabitsPerSecond, double efficiency, double latencySeconds) {
    public double bytesPerSecond() {
      return gigabitsPerSecond * 1e9 / 8 * efficiency;
    }
  }

  /**
   * How gradients travel over this cluster (the stack says in what precision and in how many
   * messages).
   *
   * @param algorithm {@code ring} (one ring over all devices) or {@code hierarchical} (ring inside
   *     each node over the fast link, ring between nodes over the network)
   * @param overlap share of the all-reduce (all buckets but the last) that can run during the
   *     backward pass
   */
  public record Communication(String algorithm, double overlap) {
    public boolean hierarchical() {
      return algorithm.toLowerCase(Locale.ROOT).equals("hierarchical");
    }
  }

  /**
   * Which parameters of this file a fit may calibrate, on which published entries ({@code dawn
   * project fit}) and on which cells of a sweep ({@code dawn project check --sweep}, selectors such
   * as {@code distributed.network=loopback}); the entries and cells not named are predictions.
   */
  public record Fit(List<String> parameters, List<String> entries, List<String> cells) {
    public Fit {
      parameters = List.copyOf(parameters);
      entries = List.copyOf(entries);
      cells = List.copyOf(cells);
    }
  }
}
