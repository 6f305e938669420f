package dev.dawn.workloads.inference.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Folded nets with He-initialised random weights, for speed measurements (JMH, INT8 vs FP32) where only the shapes
 * matter. Biases are small positive values so ReLU outputs are not all zero.
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

  /**
   * ResNet v1.5 with bottleneck blocks (stride on the 3x3 conv): stem 7x7/2 conv 64 + 3x3/2 max pool, stages of
   * {@code blocks[i]} blocks with widths 64, 128, 256, 512 (x4 out), global average pool, dense to {@code classes}.
   * {@code [3, 4, 6, 3]} is ResNet-50, {@code [2, 2, 2, 2]} ResNet-26.
   */
  public FoldedNet bottleneckResNet(int size, int[] blocks, int classes) {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(conv("stem", 7, 3, 64, 2, true));
    layers.add(new MaxPool(3, 2, Padding.SAME));
    int in = 64;
    for (int s = 0; s < blocks.length; s++) {
      int width = 64 << s;
      int out = width * 4;
      for (int b = 0; b < blocks[s]; b++) {
        int stride = b == 0 && s > 0 ? 2 : 1;
        String n = "s" + (s + 1) + "b" + (b + 1);
        List<FoldedConv> main = List.of(
            conv(n + "_1x1a", 1, in, width, 1, true),
            conv(n + "_3x3", 3, width, width, stride, true),
            conv(n + "_1x1b", 1, width, out, 1, false));
        FoldedConv proj = b == 0 ? conv(n + "_proj", 1, in, out, stride, false) : null;
        layers.add(new ResidualBlock(n, main, proj));
        in = out;
      }
    }
    layers.add(new GlobalAvgPool());
    layers.add(dense("fc", in, classes));
    return new FoldedNet(size, size, 3, layers);
  }
}
