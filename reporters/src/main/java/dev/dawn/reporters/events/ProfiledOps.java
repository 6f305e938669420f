package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code op_profile} (POINT_IN_TIME, value object): per-op time of K traced steps of one graph (an
 * inference variant, or a training step in {@code dawn throughput --profile}). {@code profile.csv}
 * and the profile chart are derived from it.
 *
 * @param label what was traced, e.g. {@code int8-prune0}
 * @param steps traced steps
 * @param meanStepUs mean wall-clock time of a traced step (µs), tracing overhead included
 * @param ops one entry per graph node
 */
public record ProfiledOps(
    @JsonProperty("label") String label,
    @JsonProperty("steps") int steps,
    @JsonProperty("meanStepUs") double meanStepUs,
    @JsonProperty("ops") List<Op> ops)
    implements RunEvent {
  public static final EventKind<ProfiledOps> KIND =
      EventKind.asValue(MlLogKeys.OP_PROFILE, ProfiledOps.class);

  public ProfiledOps {
    ops = List.copyOf(ops);
  }

  /**
   * @param op node name
   * @param type the kernel that ran, as the trace names it
   * @param device device the node ran on
   * @param calls executions over all traced steps
   * @param totalUs summed execution time over all traced steps (µs)
   */
  public record Op(
      @JsonProperty("op") String op,
      @JsonProperty("type") String type,
      @JsonProperty("device") String device,
      @JsonProperty("calls") long calls,
      @JsonProperty("totalUs") double totalUs) {}

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
