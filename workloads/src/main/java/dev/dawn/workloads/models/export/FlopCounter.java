package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.NetConv;

/**
 * Counts a {@link FoldedNet}'s parameters and per-image MACs: its convs at the sizes {@link
 * NetConv} tracks through the layers, and its dense layers.
 */
public final class FlopCounter {
  private FlopCounter() {}

  /** Cost at the net's own resolution. */
  public static NetCost count(FoldedNet net) {
    return count(net, net.height(), net.width());
  }

  /**
   * Cost at another input size (all layers are size-agnostic except a VALID pool sized for the
   * original).
   */
  public static NetCost count(FoldedNet net, int height, int width) {
    long parameters = 0;
    long macs = 0;
    for (NetConv conv : NetConv.of(net, height, width)) {
      FoldedConv c = conv.conv();
      long kernel = (long) c.kh() * c.kw() * c.in() * c.out();
      parameters += kernel + c.out();
      macs += kernel * conv.outputHeight() * conv.outputWidth();
    }
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof Dense d) {
        parameters += (long) d.in() * d.out() + d.out();
        macs += (long) d.in() * d.out();
      }
    }
    return new NetCost(parameters, macs);
  }
}
