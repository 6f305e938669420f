package dev.dawn.workloads.inference.net;

import java.util.ArrayList;
import java.util.List;

/**
 * One conv of a {@link FoldedNet} as the net runs it: the size of the input it reads there and what
 * the net does with its output. {@link #of} lists every conv of a net, so a conv can be built and
 * timed alone with the shapes it has inside the net.
 *
 * @param role where the conv sits, which decides the kernel its graph fuses it into
 * @param block the residual block it belongs to, null for a {@link Role#LAYER}
 * @param inputKey the activation it reads, named as {@link NetGraph#activations()} names it (its
 *     calibrated range in the INT8 graph); a shortcut conv behind an average pool reads the block
 *     input's key, whose range also covers the pooled values; null after the global pool
 * @param blockInputKey the block input's activation (what an identity shortcut adds), null for a
 *     {@link Role#LAYER}
 * @param height height of its input (after a shortcut's average pool)
 * @param width width of its input; the channels are {@code conv.in()}
 */
public record NetConv(
    FoldedConv conv,
    Role role,
    ResidualBlock block,
    String inputKey,
    String blockInputKey,
    int height,
    int width) {

  /** Where a conv sits in the net. */
  public enum Role {
    /** A layer of its own (the stem, ResNet-9's convs): conv, bias, ReLU if it has one. */
    LAYER,
    /** A residual block's main-path conv before the last. */
    INNER,
    /** A block's last main-path conv: the shortcut is added to its output, then a ReLU. */
    LAST,
    /** A block's projection shortcut. */
    SHORTCUT
  }

  public int outputHeight() {
    return conv.padding().outputSize(height, conv.kh(), conv.stride());
  }

  public int outputWidth() {
    return conv.padding().outputSize(width, conv.kw(), conv.stride());
  }

  /** Every conv of {@code net} at its own resolution, in graph order (a block's shortcut last). */
  public static List<NetConv> of(FoldedNet net) {
    return of(net, net.height(), net.width());
  }

  /**
   * Every conv of {@code net} at another input size (all layers are size-agnostic except a VALID
   * pool sized for the original).
   */
  public static List<NetConv> of(FoldedNet net, int height, int width) {
    List<NetConv> convs = new ArrayList<>();
    int h = height;
    int w = width;
    String key = NetGraph.INPUT;
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        NetConv conv = new NetConv(c, Role.LAYER, null, key, null, h, w);
        convs.add(conv);
        h = conv.outputHeight();
        w = conv.outputWidth();
        key = c.name();
      } else if (layer instanceof ResidualBlock b) {
        int blockH = h;
        int blockW = w;
        String reads = key;
        for (int i = 0; i < b.main().size(); i++) {
          FoldedConv c = b.main().get(i);
          Role role = i == b.main().size() - 1 ? Role.LAST : Role.INNER;
          NetConv conv = new NetConv(c, role, b, reads, key, h, w);
          convs.add(conv);
          h = conv.outputHeight();
          w = conv.outputWidth();
          reads = c.name();
        }
        if (b.projection() != null) {
          AvgPool pool = b.shortcutPool();
          int ph =
              pool == null ? blockH : pool.padding().outputSize(blockH, pool.size(), pool.stride());
          int pw =
              pool == null ? blockW : pool.padding().outputSize(blockW, pool.size(), pool.stride());
          convs.add(new NetConv(b.projection(), Role.SHORTCUT, b, key, key, ph, pw));
        }
        key = b.name();
      } else if (layer instanceof MaxPool p) {
        h = p.padding().outputSize(h, p.size(), p.stride());
        w = p.padding().outputSize(w, p.size(), p.stride());
      } else if (layer instanceof ActivationLayer a) {
        key = a.name();
      } else if (layer instanceof GlobalAvgPool || layer instanceof Dense) {
        h = 1;
        w = 1;
        key = null;
      } else {
        throw new IllegalArgumentException("conv walk: unknown layer " + layer);
      }
    }
    return List.copyOf(convs);
  }
}
