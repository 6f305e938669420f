package dev.dawn.workloads.inference.net;

import java.util.List;

/** A BN-folded inference net on NHWC float input of shape [N, height, width, channels]. */
public record FoldedNet(int height, int width, int channels, List<LayerSpec> layers) {
  public FoldedNet {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("folded net needs at least one layer");
    }
    layers = List.copyOf(layers);
  }
}
