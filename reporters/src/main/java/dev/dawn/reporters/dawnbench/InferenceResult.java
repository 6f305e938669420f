package dev.dawn.reporters.dawnbench;

/**
 * A measured inference result.
 *
 * @param latencyMs milliseconds per item at batch size 1, averaged over the whole evaluation set
 * @param accuracy in the dataset's unit: top-5 (ImageNet) or top-1 (CIFAR10) percent, F1 fraction
 *     (SQuAD)
 */
public record InferenceResult(double latencyMs, double accuracy) {
  public InferenceResult {
    if (!(latencyMs > 0) || Double.isInfinite(latencyMs)) {
      throw new IllegalArgumentException(
          "latency must be a positive finite number of ms, got " + latencyMs);
    }
  }

  /** USD per item: costPerHour × latency in hours (the PR #117 definition). */
  public double costPerItem(double costPerHour) {
    return costPerHour * latencyMs / 3_600_000.0;
  }
}
