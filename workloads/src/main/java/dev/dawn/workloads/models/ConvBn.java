package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Conv then batch norm, the unit every net here is made of; ReLU is left to the caller (residual adds come first). */
final class ConvBn {
  private final Conv2dLayer conv;
  private final BatchNormLayer bn;

  ConvBn(LayerFactory layers, String name, int kernel, int in, int out, int stride, boolean zeroGamma) {
    this.conv = layers.conv(name + "/conv", kernel, in, out, stride);
    this.bn = layers.batchNorm(name + "/bn", out, zeroGamma);
  }

  Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    return bn.apply(pass, conv.apply(pass, x));
  }

  Operand<TFloat32> applyRelu(ForwardPass pass, Operand<TFloat32> x) {
    return pass.tf().nn.relu(apply(pass, x));
  }
}
