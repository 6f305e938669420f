package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.Padding;
import java.util.Random;

/** He-initialised random folded convs for tests. */
final class RandomLayers {
  private RandomLayers() {}

  static FoldedConv conv(String name, int k, int in, int out, int stride, boolean relu, Random rnd) {
    float[] w = new float[k * k * in * out];
    double std = Math.sqrt(2.0 / (k * k * in));
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rnd.nextGaussian() * std);
    }
    float[] b = new float[out];
    for (int i = 0; i < out; i++) {
      b[i] = (float) (rnd.nextGaussian() * 0.1);
    }
    return new FoldedConv(name, w, b, k, k, in, out, stride, Padding.SAME, relu);
  }

  static float[] relu(int n, Random rnd) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) Math.max(0, rnd.nextGaussian());
    }
    return v;
  }
}
