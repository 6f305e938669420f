package dev.dawn.workloads.data;

/**
 * Per-channel (R, G, B) mean and standard deviation on the 0..1 scale: {@code out = (v/255 - mean)
 * / std}.
 */
public record Normalization(float[] mean, float[] std) {
  public Normalization {
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException(
          "mean and std need 3 channel values, got " + mean.length + " and " + std.length);
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std values must be > 0, got " + s);
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** The ImageNet statistics every torchvision/TF ResNet recipe uses. */
  public static Normalization imagenet() {
    return new Normalization(
        new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
  }

  /** Multiplier applied to a 0..255 value of channel {@code c}. */
  float scale(int c) {
    return 1f / (255f * std[c]);
  }

  float offset(int c) {
    return -mean[c] / std[c];
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }
}
