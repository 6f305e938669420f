package dev.dawn.workloads.inference.net;

/**
 * Average pooling, NHWC. Not a {@link LayerSpec} of its own: it only occurs on a {@link
 * ResidualBlock}'s projection shortcut (ResNet-D averages 2x2 before the 1x1 conv instead of
 * striding the conv).
 */
public record AvgPool(int size, int stride, Padding padding) {
  public AvgPool {
    if (size < 1 || stride < 1) {
      throw new IllegalArgumentException(
          "average pool size and stride must be >= 1, got " + size + ", " + stride);
    }
  }
}
