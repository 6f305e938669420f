package dev.dawn.workloads.models.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * An architecture's layers in order, on NHWC 3-channel images; the last layer is the {@link
 * Classifier}.
 *
 * @param bnDecay moving-average decay of every batch norm during training (TF convention, 1 -
 *     PyTorch momentum)
 */
public record NetDescription(String architecture, float bnDecay, List<Layer> layers) {
  public NetDescription {
    if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Classifier)) {
      throw new IllegalArgumentException(
          architecture + ": a net description must end with its classifier");
    }
    layers = List.copyOf(layers);
  }

  /** Every conv in build order: a residual's main path, then its projection. */
  public List<Conv> convs() {
    List<Conv> convs = new ArrayList<>();
    for (Layer layer : layers) {
      if (layer instanceof Conv c) {
        convs.add(c);
      } else if (layer instanceof Residual r) {
        convs.addAll(r.main());
        if (r.shortcut() != null) {
          convs.add(r.shortcut().projection());
        }
      }
    }
    return convs;
  }
}
