package dev.dawn.workloads.models.arch;

/**
 * A residual block's projection shortcut: {@code pool} (null, or ResNet-D's 2x2 average pool that
 * lets a stride-1 1x1 conv see every activation) then {@code projection} (a linear conv + BN).
 */
public record Shortcut(Pool pool, Conv projection) {
  public Shortcut {
    if (projection == null) {
      throw new IllegalArgumentException("a projection shortcut needs its conv");
    }
  }
}
