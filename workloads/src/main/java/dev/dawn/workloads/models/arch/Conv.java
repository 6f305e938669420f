package dev.dawn.workloads.models.arch;

import dev.dawn.workloads.inference.net.Activation;
import dev.dawn.workloads.inference.net.Padding;

/**
 * A square conv without bias, then {@code poolBeforeNorm} if any (conv -> pool -> norm ->
 * activation, which normalises a quarter of the pixels), then {@code norm}, then {@code
 * activation}.
 *
 * @param name names the layer's weights: {@code <name>.conv.kernel}, {@code <name>.bn.*} or {@code
 *     <name>.conv.bias}
 * @param width published output channels already scaled by the width multiplier (per-conv overrides
 *     are applied by {@code ConvWidths}); the input width is always the producer's
 * @param poolBeforeNorm null, or a max pool between the conv and its norm; BN folding moves the
 *     norm before the pool, which is exact only for a positive BN scale, so it requires {@link
 *     Norm#BATCH_NORM_FIXED_SCALE} or {@link Norm#BIAS}
 */
public record Conv(
    String name,
    int kernel,
    int width,
    int stride,
    Padding padding,
    Pool poolBeforeNorm,
    Norm norm,
    Activation activation)
    implements Layer {
  public Conv {
    if (name == null
        || name.isEmpty()
        || kernel < 1
        || width < 1
        || stride < 1
        || padding == null
        || norm == null
        || activation == null) {
      throw new IllegalArgumentException(
          "conv '"
              + name
              + "': kernel, width, stride >= 1 and padding, norm, activation"
              + " are required");
    }
    if (poolBeforeNorm != null
        && (poolBeforeNorm.kind() != PoolKind.MAX
            || norm == Norm.BATCH_NORM
            || norm == Norm.BATCH_NORM_ZERO_INIT)) {
      throw new IllegalArgumentException(
          "conv '"
              + name
              + "': a pool before the norm must be a max pool followed by a "
              + "fixed-scale batch norm or a bias (a learned scale may turn negative, and max does not commute with that)");
    }
  }

  /** A SAME-padded conv -> norm -> activation without a pool, the unit of the ResNets. */
  public static Conv same(
      String name, int kernel, int width, int stride, Norm norm, Activation activation) {
    return new Conv(name, kernel, width, stride, Padding.SAME, null, norm, activation);
  }
}
