package dev.dawn.workloads.models;

/**
 * Role of a trainable weight; the training session uses it to decide which weights get weight
 * decay.
 */
public enum ParameterKind {
  CONV_KERNEL,
  DENSE_KERNEL,
  BIAS,
  BN_GAMMA,
  BN_BETA;

  /** Conv/FC kernels; the "no bias decay" trick excludes the rest. */
  public boolean isKernel() {
    return this == CONV_KERNEL || this == DENSE_KERNEL;
  }
}
