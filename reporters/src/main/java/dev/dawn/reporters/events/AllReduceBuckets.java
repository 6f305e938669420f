package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code allreduce_buckets} (POINT_IN_TIME): how data-parallel replicas average their gradients
 * each step, written once when the graph is built. The whole record is the value.
 *
 * @param replicas model copies averaging their gradients
 * @param thresholdBytes the fusion threshold the buckets were packed with (0 = one message per
 *     gradient tensor)
 * @param totalBytes gradient bytes each replica all-reduces per step
 * @param buckets the messages in the order they are sent (the first holds the last layer's
 *     gradients)
 */
public record AllReduceBuckets(
    @JsonProperty(value = "replicas", required = true) int replicas,
    @JsonProperty(value = "threshold_bytes", required = true) long thresholdBytes,
    @JsonProperty(value = "total_bytes", required = true) long totalBytes,
    @JsonProperty(value = "buckets", required = true) List<Bucket> buckets)
    implements RunEvent {
  public static final EventKind<AllReduceBuckets> KIND =
      EventKind.asValue(MlLogKeys.ALLREDUCE_BUCKETS, AllReduceBuckets.class);

  /**
   * One all-reduce message.
   *
   * @param bytes its size
   * @param tensors the gradients it carries, by weight name, in backward order
   */
  public record Bucket(
      @JsonProperty(value = "bytes", required = true) long bytes,
      @JsonProperty(value = "tensors", required = true) List<String> tensors) {
    public Bucket {
      tensors = List.copyOf(tensors);
    }
  }

  public AllReduceBuckets {
    buckets = List.copyOf(buckets);
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
