package dev.dawn.reporters.profile;

import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.ProfiledOps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-op time of K traced steps of one graph (an inference variant or a training step). Shares are
 * of the summed op time: ops that run in parallel on several threads each count in full, so the
 * shares add up to 100% even when the summed op time exceeds the wall-clock step.
 *
 * @param label what was traced, e.g. {@code int8-prune0} or {@code train}
 * @param steps traced steps
 * @param meanStepMicros mean wall-clock time of a traced step (µs), tracing overhead included
 * @param ops one entry per node, slowest first
 */
public record OpProfile(String label, int steps, double meanStepMicros, List<OpTime> ops) {
  /** Event key of a profile in events.jsonl ({@link ProfiledOps}). */
  public static final String EVENT = MlLogKeys.OP_PROFILE;

  public OpProfile {
    ops = ops.stream().sorted(Comparator.comparingDouble(OpTime::totalMicros).reversed()).toList();
  }

  public double totalMicros() {
    return ops.stream().mapToDouble(OpTime::totalMicros).sum();
  }

  /** Fraction (0..1) of the summed op time spent in {@code op}. */
  public double share(OpTime op) {
    double total = totalMicros();
    return total == 0 ? 0 : op.totalMicros() / total;
  }

  /** Summed time per op type (µs over all traced steps), slowest type first. */
  public Map<String, Double> microsByType() {
    Map<String, Double> byType = new LinkedHashMap<>();
    for (OpTime op : ops) {
      byType.merge(op.type(), op.totalMicros(), Double::sum);
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(byType.entrySet());
    sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    Map<String, Double> out = new LinkedHashMap<>();
    sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The {@code op_profile} event of this profile; {@link #fromEvent} reads it back. */
  public ProfiledOps event() {
    return new ProfiledOps(
        label,
        steps,
        meanStepMicros,
        ops.stream()
            .map(
                op ->
                    new ProfiledOps.Op(
                        op.name(), op.type(), op.device(), op.calls(), op.totalMicros()))
            .toList());
  }

  public static OpProfile fromEvent(ProfiledOps e) {
    return new OpProfile(
        e.label(),
        e.steps(),
        e.meanStepUs(),
        e.ops().stream()
            .map(op -> new OpTime(op.op(), op.type(), op.device(), op.calls(), op.totalUs()))
            .toList());
  }
}
