package dev.dawn.workloads.models.arch;

/**
 * What follows a conv (after its optional pool): a batch norm in one of three forms, or a plain
 * bias.
 */
public enum Norm {
  /** Batch norm with a trainable scale starting at 1. */
  BATCH_NORM,
  /** Batch norm whose scale starts at 0: the last conv of a residual branch (Goyal et al.). */
  BATCH_NORM_ZERO_INIT,
  /**
   * Batch norm with the scale fixed at 1 and only the shift trained (Page's final net, hlb,
   * airbench).
   */
  BATCH_NORM_FIXED_SCALE,
  /** No batch norm; a trainable per-channel bias (zero-initialised). */
  BIAS;

  public boolean isBatchNorm() {
    return this != BIAS;
  }
}
