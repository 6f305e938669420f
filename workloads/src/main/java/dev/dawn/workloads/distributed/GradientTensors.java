package dev.dawn.workloads.distributed;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.TrainableWeight;
import java.util.List;

/**
 * The gradients a data-parallel step all-reduces: one per trainable weight, in the order the model
 * created them.
 */
public final class GradientTensors {
  private GradientTensors() {}

  /** Element counts of {@code model}'s trainable weights in creation (forward) order. */
  public static List<Long> elementCounts(Model model) {
    return model.trainables().stream().map(TrainableWeight::size).toList();
  }

  /**
   * Bytes per gradient in backward order, at {@code bytesPerValue} (2 for fp16 gradients, 4 for
   * fp32).
   */
  public static List<Long> backwardOrderBytes(List<Long> forwardElementCounts, int bytesPerValue) {
    if (bytesPerValue < 1)
      throw new IllegalArgumentException(
          "bytes per gradient value must be >= 1, got " + bytesPerValue);
    return FusionBuckets.backwardOrder(
        forwardElementCounts.stream().map(n -> n * bytesPerValue).toList());
  }
}
