package dev.dawn.workloads.models;

import dev.dawn.workloads.models.arch.Conv;
import dev.dawn.workloads.models.arch.Norm;
import dev.dawn.workloads.models.arch.Pool;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.types.TFloat32;

/**
 * The trainable form of a described {@link Conv}: conv, optional max pool, batch norm or bias,
 * activation.
 */
final class ConvUnit {
  private final Conv spec;
  private final LayerFactory layers;
  private final Conv2dLayer conv;
  private final BatchNormLayer bn;
  private final Variable<TFloat32> bias;

  ConvUnit(LayerFactory layers, Conv spec, int in, int out) {
    this.spec = spec;
    this.layers = layers;
    this.conv =
        layers.conv(
            spec.name() + "/conv", spec.kernel(), in, out, spec.stride(), spec.padding().name());
    if (spec.norm().isBatchNorm()) {
      bn =
          layers.batchNorm(
              spec.name() + "/bn",
              out,
              spec.norm() == Norm.BATCH_NORM_ZERO_INIT,
              spec.norm() == Norm.BATCH_NORM_FIXED_SCALE);
      bias = null;
    } else {
      bn = null;
      bias = layers.bias(spec.name() + "/conv", out);
    }
  }

  Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Operand<TFloat32> y = conv.apply(pass, x);
    Pool pool = spec.poolBeforeNorm();
    if (pool != null) {
      y = layers.maxPool(pass.tf(), y, pool.window(), pool.stride(), pool.padding().name());
    }
    y =
        bn != null
            ? bn.apply(pass, y)
            : pass.tf()
                .nn
                .biasAdd(y, pass.weight(bias), BiasAdd.dataFormat(layers.format().name()));
    return spec.activation().apply(pass.tf(), y, v -> pass.constant((float) v));
  }
}
