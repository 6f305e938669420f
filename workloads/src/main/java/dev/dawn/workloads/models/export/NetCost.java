package dev.dawn.workloads.models.export;

/**
 * Size and arithmetic of a folded net at its resolution, per image.
 *
 * @param parameters conv kernels and biases plus dense weights and biases
 * @param macs multiply-accumulates of convs and the dense layer (pools and adds are not counted)
 */
public record NetCost(long parameters, long macs) {
  /**
   * FLOPs counted as 2 per multiply-accumulate, the usual convention (ResNet-50 at 224 px: about
   * 4.1 GMACs).
   */
  public long flops() {
    return 2 * macs;
  }
}
