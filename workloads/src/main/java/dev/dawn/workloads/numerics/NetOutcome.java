package dev.dawn.workloads.numerics;

import java.util.List;

/**
 * A net checked layer by layer.
 *
 * @param layers one deviation per checked layer, in graph order
 * @param repeatable whether a second run returned the same bits everywhere
 */
public record NetOutcome(List<Deviation> layers, boolean repeatable) {
  public NetOutcome {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a net check needs at least one layer");
    }
    layers = List.copyOf(layers);
  }

  /** The layer with the largest error relative to its bound. */
  public Deviation worst() {
    Deviation w = layers.get(0);
    for (Deviation d : layers) {
      w = w.worse(d);
    }
    return w;
  }

  /** The first layer, in graph order, beyond its bound: where a wrong graph starts to be wrong. */
  public java.util.Optional<Deviation> firstBeyondBound() {
    return layers.stream().filter(d -> !d.withinBound()).findFirst();
  }

  public boolean correct() {
    return repeatable && layers.stream().allMatch(Deviation::withinBound);
  }
}
