package dev.dawn.reporters.latency;

import java.util.Objects;

/**
 * One inference measurement at batch size 1.
 *
 * @param imageId file name or index of the image in the evaluation set
 * @param label true class index
 * @param predicted top-1 predicted class index
 * @param latencyMs model time for the image in milliseconds (what DAWNBench's latency averages)
 * @param preprocessMs decode and resize time in milliseconds, reported apart from the model time
 * @param gcCollections garbage collections that finished during the image's iteration; null where
 *     not recorded (also jitMs)
 * @param jitMs ms the JIT compilers accounted during the image's iteration
 */
public record ImageLatency(
    String imageId,
    int label,
    int predicted,
    double latencyMs,
    double preprocessMs,
    Long gcCollections,
    Long jitMs) {
  /** An image timed without the JVM's activity beside it. */
  public ImageLatency(
      String imageId, int label, int predicted, double latencyMs, double preprocessMs) {
    this(imageId, label, predicted, latencyMs, preprocessMs, null, null);
  }

  public ImageLatency {
    Objects.requireNonNull(imageId, "imageId");
    if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
      throw new IllegalArgumentException(
          "image " + imageId + ": latency_ms must be a finite number >= 0, got " + latencyMs);
    }
  }

  public boolean correct() {
    return label == predicted;
  }
}
