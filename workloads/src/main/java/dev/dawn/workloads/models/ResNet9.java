package dev.dawn.workloads.models;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Page / Myrtle ResNet-9 (DAWNBench CIFAR-10 entry, recipes.md section 4.1): prep 64, layer1 128 + residual, layer2 256,
 * layer3 512 + residual, global max pool, bias-free linear layer scaled by 0.125. Widths scale with the multiplier.
 * Order conv -> BN -> ReLU -> pool as in the original.
 */
public final class ResNet9 implements Model {
  private static final float LOGIT_SCALE = 0.125f;

  private final ModelSpec spec;
  private final LayerFactory layers;
  private final ConvBn prep;
  private final ConvBn layer1;
  private final ConvBn res1a;
  private final ConvBn res1b;
  private final ConvBn layer2;
  private final ConvBn layer3;
  private final ConvBn res3a;
  private final ConvBn res3b;
  private final DenseLayer classifier;

  ResNet9(ModelSpec spec, LayerFactory layers) {
    this.spec = spec;
    this.layers = layers;
    // Each conv's width from the spec (pruned models narrow some); each conv's input is its producer's width.
    ConvWidths w = ConvWidths.of(spec);
    int c1 = w.out("layer1");
    int c3 = w.out("layer3");
    prep = new ConvBn(layers, "prep", 3, 3, w.out("prep"), 1, false);
    layer1 = new ConvBn(layers, "layer1", 3, w.out("prep"), c1, 1, false);
    res1a = new ConvBn(layers, "layer1_res_a", 3, c1, w.out("layer1_res_a"), 1, false);
    res1b = new ConvBn(layers, "layer1_res_b", 3, w.out("layer1_res_a"), w.out("layer1_res_b"), 1, false);
    layer2 = new ConvBn(layers, "layer2", 3, c1, w.out("layer2"), 1, false);
    layer3 = new ConvBn(layers, "layer3", 3, w.out("layer2"), c3, 1, false);
    res3a = new ConvBn(layers, "layer3_res_a", 3, c3, w.out("layer3_res_a"), 1, false);
    res3b = new ConvBn(layers, "layer3_res_b", 3, w.out("layer3_res_a"), w.out("layer3_res_b"), 1, false);
    classifier = layers.dense("classifier", c3, spec.numClasses(), false);
  }

  @Override
  public Operand<TFloat32> logits(ForwardPass pass, Operand<TFloat32> images) {
    Ops tf = pass.tf();
    Operand<TFloat32> x = prep.applyRelu(pass, layers.fromNhwc(tf, images));
    x = layers.maxPool(tf, layer1.applyRelu(pass, x), 2, 2);
    x = tf.math.add(x, res1b.applyRelu(pass, res1a.applyRelu(pass, x)));
    x = layers.maxPool(tf, layer2.applyRelu(pass, x), 2, 2);
    x = layers.maxPool(tf, layer3.applyRelu(pass, x), 2, 2);
    x = tf.math.add(x, res3b.applyRelu(pass, res3a.applyRelu(pass, x)));
    Operand<TFloat32> features = layers.globalMaxPool(tf, x);
    return tf.math.mul(classifier.apply(pass, features), pass.constant(LOGIT_SCALE));
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
