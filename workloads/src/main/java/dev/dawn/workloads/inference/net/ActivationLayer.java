package dev.dawn.workloads.inference.net;

/**
 * A stand-alone nonlinearity, for the ones a conv cannot carry itself: GELU (the fused conv kernels
 * only know ReLU), or any activation that must follow a max pool placed between a conv and its
 * batch norm. {@code name} keys its output's calibrated range in the INT8 graph.
 */
public record ActivationLayer(String name, Activation function) implements LayerSpec {
  public ActivationLayer {
    if (function == null || function == Activation.NONE) {
      throw new IllegalArgumentException(
          "activation layer " + name + " needs a function, got " + function);
    }
  }
}
