package dev.dawn.workloads.inference.net;

import java.util.List;

/**
 * {@code relu(main(x) + shortcut(x))}. {@code main}'s last conv must have {@code relu=false} (the
 * ReLU comes after the add); {@code projection} is null for an identity shortcut, else a conv
 * (relu=false) on the block input, optionally preceded by {@code shortcutPool} (ResNet-D: 2x2/2
 * average pool, then a stride-1 projection; null otherwise).
 */
public record ResidualBlock(
    String name, List<FoldedConv> main, FoldedConv projection, AvgPool shortcutPool)
    implements LayerSpec {
  public ResidualBlock {
    if (main.isEmpty()) {
      throw new IllegalArgumentException(
          "residual block " + name + " needs at least one conv on the main path");
    }
    if (main.get(main.size() - 1).relu()) {
      throw new IllegalArgumentException(
          "residual block "
              + name
              + ": last main conv "
              + main.get(main.size() - 1).name()
              + " must have relu=false (the ReLU follows the add)");
    }
    if (projection != null && projection.relu()) {
      throw new IllegalArgumentException(
          "residual block " + name + ": projection " + projection.name() + " must have relu=false");
    }
    if (shortcutPool != null && projection == null) {
      throw new IllegalArgumentException(
          "residual block " + name + ": a shortcut average pool needs a projection conv");
    }
    main = List.copyOf(main);
  }

  /** A block without a shortcut pool (identity or plain strided projection). */
  public ResidualBlock(String name, List<FoldedConv> main, FoldedConv projection) {
    this(name, main, projection, null);
  }
}
