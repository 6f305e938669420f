package dev.dawn.workloads.inference.net;

import java.util.Random;

/**
 * Single folded layers with He-initialised random weights, for tests of hand-built nets. Biases are
 * small positive values so ReLU outputs are not all zero. Whole random architectures come from
 * {@code models.export.RandomNets}.
 */
public final class RandomFoldedNets {
  private final Random rnd;

  public RandomFoldedNets(long seed) {
    this.rnd = new Random(seed);
  }

  public FoldedConv conv(String name, int k, int in, int out, int stride, boolean relu) {
    float[] w = new float[k * k * in * out];
    double std = Math.sqrt(2.0 / (k * k * in));
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rnd.nextGaussian() * std);
    }
    float[] b = new float[out];
    for (int i = 0; i < out; i++) {
      b[i] = (float) (0.05 + 0.05 * rnd.nextGaussian());
    }
    return new FoldedConv(name, w, b, k, k, in, out, stride, Padding.SAME, relu);
  }

  public Dense dense(String name, int in, int out) {
    float[] w = new float[in * out];
    double std = Math.sqrt(1.0 / in);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rnd.nextGaussian() * std);
    }
    return new Dense(name, w, new float[out], in, out);
  }
}
