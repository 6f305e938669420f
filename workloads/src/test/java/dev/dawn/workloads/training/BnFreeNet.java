package dev.dawn.workloads.training;

import dev.dawn.workloads.models.Conv2dLayer;
import dev.dawn.workloads.models.DataFormat;
import dev.dawn.workloads.models.DenseLayer;
import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.LayerFactory;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.TrainableWeight;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.types.TFloat32;

/**
 * conv 3x3 + bias + ReLU, conv 3x3 stride 2 + bias + ReLU, global average pool, dense: no batch
 * statistics.
 */
final class BnFreeNet implements Model {
  private final ModelSpec spec;
  private final LayerFactory layers;
  private final Conv2dLayer conv1;
  private final Variable<TFloat32> bias1;
  private final Conv2dLayer conv2;
  private final Variable<TFloat32> bias2;
  private final DenseLayer dense;

  BnFreeNet(Ops tf, ModelSpec spec, long seed) {
    this.spec = spec;
    this.layers = new LayerFactory(tf, DataFormat.NHWC, seed, 0.9f);
    conv1 = layers.conv("c1", 3, 3, 6, 1);
    bias1 = layers.bias("c1", 6);
    conv2 = layers.conv("c2", 3, 6, 8, 2);
    bias2 = layers.bias("c2", 8);
    dense = layers.dense("fc", 8, spec.numClasses(), true);
  }

  @Override
  public Operand<TFloat32> logits(ForwardPass pass, Operand<TFloat32> images) {
    Ops tf = pass.tf();
    Operand<TFloat32> x =
        tf.nn.relu(tf.nn.biasAdd(conv1.apply(pass, images), bias1, BiasAdd.dataFormat("NHWC")));
    x = tf.nn.relu(tf.nn.biasAdd(conv2.apply(pass, x), bias2, BiasAdd.dataFormat("NHWC")));
    return dense.apply(pass, layers.globalAveragePool(tf, x));
  }

  @Override
  public List<TrainableWeight> trainables() {
    return layers.trainables();
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }
}
