package dev.dawn.workloads.inference.net;

/**
 * Fully connected layer on [N, in]; {@code weights} is [in, out] row-major. Always run in FP32 (the
 * logits).
 */
public record Dense(String name, float[] weights, float[] bias, int in, int out)
    implements LayerSpec {
  public Dense {
    if (weights.length != (long) in * out || bias.length != out) {
      throw new IllegalArgumentException(
          "dense "
              + name
              + ": weights "
              + weights.length
              + " / bias "
              + bias.length
              + " do not match in="
              + in
              + " out="
              + out);
    }
  }
}
