package dev.dawn.workloads.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;

/**
 * Runs a step K times with TensorFlow's FULL_TRACE and sums each node's execution time from the
 * step stats into an {@link TracedOps}. The op type is read from the trace's timeline label ("name
 * = Type(inputs)"), so it names the kernel that actually ran after the runtime's graph rewrites
 * (e.g. oneDNN's {@code _MklNativeFusedConv2D}), not the op that was built.
 */
public final class StepTracer {
  private static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();

  private StepTracer() {}

  /**
   * @param step a fresh runner per call, with its feeds, fetches and targets set (the caller keeps
   *     the fed tensors open until this returns)
   */
  public static TracedOps trace(String label, int steps, Supplier<Session.Runner> step) {
    if (steps < 1) {
      throw new IllegalArgumentException("a profile needs at least one traced step, got " + steps);
    }
    Map<String, Accumulated> byNode = new LinkedHashMap<>();
    long wallNanos = 0;
    for (int i = 0; i < steps; i++) {
      long t0 = System.nanoTime();
      try (Result r = step.get().setOptions(FULL_TRACE).runAndFetchMetadata()) {
        wallNanos += System.nanoTime() - t0;
        RunMetadata md =
            r.getMetadata()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "TensorFlow returned no run metadata for a FULL_TRACE step"));
        add(md.getStepStats(), byNode);
      }
    }
    List<TracedOps.Node> nodes =
        byNode.values().stream()
            .map(a -> new TracedOps.Node(a.name, a.type, a.device, a.calls, a.nanos / 1000.0))
            .toList();
    return new TracedOps(label, steps, wallNanos / 1000.0 / steps, nodes);
  }

  private static final class Accumulated {
    final String name;
    final String type;
    final String device;
    long calls;
    long nanos;

    Accumulated(String name, String type, String device) {
      this.name = name;
      this.type = type;
      this.device = device;
    }
  }

  static void add(StepStats stats, Map<String, Accumulated> byNode) {
    for (DeviceStepStats dev : stats.getDevStatsList()) {
      String device = shortDevice(dev.getDevice());
      for (NodeExecStats n : dev.getNodeStatsList()) {
        if (n.getNodeName().equals("_SOURCE") || n.getNodeName().equals("_SINK")) {
          continue;
        }
        long nanos =
            n.getAllEndRelNanos() > 0 ? n.getAllEndRelNanos() : n.getAllEndRelMicros() * 1000;
        String type = typeOf(n);
        Accumulated a =
            byNode.computeIfAbsent(
                device + "|" + n.getNodeName() + "|" + type,
                k -> new Accumulated(n.getNodeName(), type, device));
        a.calls++;
        a.nanos += nanos;
      }
    }
  }

  /**
   * "conv1 = _MklNativeFusedConv2D(images, ...)" -> "_MklNativeFusedConv2D"; the node name when
   * there is no label.
   */
  static String typeOf(NodeExecStats n) {
    String label = n.getTimelineLabel();
    int eq = label.indexOf(" = ");
    if (eq < 0) {
      return "(unlabelled)";
    }
    int paren = label.indexOf('(', eq);
    return label.substring(eq + 3, paren < 0 ? label.length() : paren).trim();
  }

  /** "/job:localhost/replica:0/task:0/device:CPU:0" -> "CPU:0". */
  static String shortDevice(String device) {
    int i = device.lastIndexOf("device:");
    return i < 0 ? device : device.substring(i + "device:".length());
  }
}
