package dev.dawn.reporters.profile;

/**
 * The time one graph op spent over the traced steps.
 *
 * @param name node name in the graph
 * @param type the kernel that ran, as the trace names it (after oneDNN's rewrite, e.g. {@code
 *     _MklNativeFusedConv2D})
 * @param device device the node ran on
 * @param calls executions over all traced steps
 * @param totalMicros summed execution time over all traced steps (µs)
 */
public record OpTime(String name, String type, String device, long calls, double totalMicros) {
  public double meanMicros() {
    return calls == 0 ? 0 : totalMicros / calls;
  }
}
