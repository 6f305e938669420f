package dev.dawn.workloads.profile;

import java.util.List;

/**
 * Per-node execution time of K traced steps, as TensorFlow's step stats report it. Raw measurement
 * only: the harness turns it into the run's {@code op_profile} event, and the reporters compute
 * shares and charts from that event.
 *
 * @param label what was traced, e.g. {@code int8-prune0} or {@code train bf16}
 * @param steps traced steps
 * @param meanStepMicros mean wall-clock time of a traced step (µs), tracing overhead included
 * @param nodes one entry per node
 */
public record TracedOps(String label, int steps, double meanStepMicros, List<Node> nodes) {
  public TracedOps {
    nodes = List.copyOf(nodes);
  }

  /**
   * @param name node name in the graph
   * @param type the kernel that ran, as the trace names it (after oneDNN's rewrite)
   * @param device device the node ran on
   * @param calls executions over all traced steps
   * @param totalMicros summed execution time over all traced steps (µs)
   */
  public record Node(String name, String type, String device, long calls, double totalMicros) {}

  /** Summed node time (µs) over all traced steps. */
  public double totalMicros() {
    return nodes.stream().mapToDouble(Node::totalMicros).sum();
  }
}
