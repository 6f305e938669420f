package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.ActivationLayer;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.ResidualBlock;

/**
 * Counts a {@link FoldedNet}'s parameters and per-image MACs, tracking the spatial size through the
 * layers.
 */
public final class FlopCounter {
  private long parameters;
  private long macs;
  private int height;
  private int width;

  private FlopCounter(int height, int width) {
    this.height = height;
    this.width = width;
  }

  /** Cost at the net's own resolution. */
  public static NetCost count(FoldedNet net) {
    return count(net, net.height(), net.width());
  }

  /**
   * Cost at another input size (all layers are size-agnostic except a VALID pool sized for the
   * original).
   */
  public static NetCost count(FoldedNet net, int height, int width) {
    FlopCounter counter = new FlopCounter(height, width);
    for (LayerSpec layer : net.layers()) {
      counter.add(layer);
    }
    return new NetCost(counter.parameters, counter.macs);
  }

  /**
   * TF's output size: SAME gives ceil(in / stride), VALID gives floor((in - window) / stride) + 1.
   */
  public static int outputSize(int in, int window, int stride, Padding padding) {
    int out = padding == Padding.SAME ? (in + stride - 1) / stride : (in - window) / stride + 1;
    if (out < 1) {
      throw new IllegalArgumentException(
          "window "
              + window
              + " stride "
              + stride
              + " "
              + padding
              + " on "
              + in
              + " px leaves no output");
    }
    return out;
  }

  private void add(LayerSpec layer) {
    if (layer instanceof FoldedConv c) {
      conv(c);
    } else if (layer instanceof ResidualBlock b) {
      int h = height;
      int w = width;
      b.main().forEach(this::conv);
      if (b.projection() != null) {
        int mainH = height;
        int mainW = width;
        height = h;
        width = w;
        if (b.shortcutPool() != null) {
          var pool = b.shortcutPool();
          height = outputSize(height, pool.size(), pool.stride(), pool.padding());
          width = outputSize(width, pool.size(), pool.stride(), pool.padding());
        }
        conv(b.projection());
        height = mainH;
        width = mainW;
      }
    } else if (layer instanceof MaxPool p) {
      height = outputSize(height, p.size(), p.stride(), p.padding());
      width = outputSize(width, p.size(), p.stride(), p.padding());
    } else if (layer instanceof ActivationLayer) {
      // element-wise: no parameters, no MACs
    } else if (layer instanceof GlobalAvgPool) {
      height = 1;
      width = 1;
    } else if (layer instanceof Dense d) {
      parameters += (long) d.in() * d.out() + d.out();
      macs += (long) d.in() * d.out();
    } else {
      throw new IllegalArgumentException("flop counter: unknown layer " + layer);
    }
  }

  private void conv(FoldedConv c) {
    height = outputSize(height, c.kh(), c.stride(), c.padding());
    width = outputSize(width, c.kw(), c.stride(), c.padding());
    long kernel = (long) c.kh() * c.kw() * c.in() * c.out();
    parameters += kernel + c.out();
    macs += kernel * height * width;
  }
}
