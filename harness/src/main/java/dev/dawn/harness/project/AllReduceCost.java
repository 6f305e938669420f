package dev.dawn.harness.project;

/**
 * Seconds to all-reduce one message, bandwidth-optimal ring algorithms (Patarasuk and Yuan; NCCL,
 * Horovod), or a push and pull through parameter servers (MXNet's kvstore).
 *
 * <p>A ring of p participants runs 2(p-1) steps (reduce-scatter, then all-gather), each moving
 * bytes/p over every link and paying one hop latency: 2(p-1)/p x bytes / bandwidth + 2(p-1) x hop
 * latency. The second term is the per-message latency, paid once per fusion bucket.
 */
public final class AllReduceCost {
  private AllReduceCost() {}

  /**
   * One of the cost models below: {@link #flatRing}, {@link #hierarchical} or {@link #pushPull}.
   */
  @FunctionalInterface
  public interface Algorithm {
    double seconds(
        int nodes,
        int devicesPerNode,
        double bytes,
        double linkBytesPerSecond,
        double linkLatencySeconds,
        double networkBytesPerSecond,
        double networkLatencySeconds);
  }

  /**
   * One ring of {@code participants} over links of {@code bytesPerSecond}; 0 for a single
   * participant.
   */
  public static double ring(
      int participants, double bytes, double bytesPerSecond, double hopLatencySeconds) {
    if (participants < 1)
      throw new IllegalArgumentException("a ring needs >= 1 participant, got " + participants);
    if (participants == 1) return 0;
    int p = participants;
    return 2.0 * (p - 1) / p * bytes / bytesPerSecond + 2.0 * (p - 1) * hopLatencySeconds;
  }

  /**
   * Two levels: a ring inside each node over the fast link (reduce-scatter and all-gather across
   * its devices), and a ring between nodes over the network, where each node's NIC carries the
   * whole message split across its devices' parallel rings.
   */
  public static double hierarchical(
      int nodes,
      int devicesPerNode,
      double bytes,
      double linkBytesPerSecond,
      double linkHopLatency,
      double networkBytesPerSecond,
      double networkHopLatency) {
    return ring(devicesPerNode, bytes, linkBytesPerSecond, linkHopLatency)
        + ring(nodes, bytes, networkBytesPerSecond, networkHopLatency);
  }

  /**
   * One flat ring over all devices of all nodes. Inside one node every hop is on the fast link;
   * across nodes the ring's slowest link is the network, and every hop waits for the slowest, so
   * all 2(N-1) steps run at network speed.
   */
  public static double flatRing(
      int nodes,
      int devicesPerNode,
      double bytes,
      double linkBytesPerSecond,
      double linkHopLatency,
      double networkBytesPerSecond,
      double networkHopLatency) {
    int devices = nodes * devicesPerNode;
    if (nodes == 1) return ring(devices, bytes, linkBytesPerSecond, linkHopLatency);
    return ring(devices, bytes, networkBytesPerSecond, networkHopLatency);
  }

  /**
   * Push-pull through parameter servers, one on every node, each holding a share of the keys: the
   * devices of a node first reduce over the fast link (a ring there, which also broadcasts the
   * result back), then the node pushes its sum and pulls the aggregate. Each node's NIC carries
   * (nodes-1)/nodes of the message out and in as a worker and as much again as a server, so the
   * bandwidth term is the ring's, 2(nodes-1)/nodes x bytes / bandwidth; the latency is two network
   * legs (push, pull) per message, not a ring's 2(nodes-1) hops.
   */
  public static double pushPull(
      int nodes,
      int devicesPerNode,
      double bytes,
      double linkBytesPerSecond,
      double linkHopLatency,
      double networkBytesPerSecond,
      double networkLatency) {
    if (nodes < 1) throw new IllegalArgumentException("push-pull needs >= 1 node, got " + nodes);
    double inside = ring(devicesPerNode, bytes, linkBytesPerSecond, linkHopLatency);
    if (nodes == 1) return inside;
    return inside + 2.0 * (nodes - 1) / nodes * bytes / networkBytesPerSecond + 2 * networkLatency;
  }
}
