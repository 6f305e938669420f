package dev.dawn.workloads.models.arch;

import dev.dawn.workloads.inference.net.Padding;

/**
 * A window x window pool; as a layer of its own, or inside a {@link Conv} or a {@link Shortcut}.
 */
public record Pool(PoolKind kind, int window, int stride, Padding padding) implements Layer {
  public Pool {
    if (kind == null || padding == null || window < 1 || stride < 1) {
      throw new IllegalArgumentException(
          "pool needs a kind, a padding, window and stride >= 1; got "
              + kind
              + " "
              + window
              + "/"
              + stride
              + " "
              + padding);
    }
  }

  public static Pool max(int window, int stride, Padding padding) {
    return new Pool(PoolKind.MAX, window, stride, padding);
  }
}
