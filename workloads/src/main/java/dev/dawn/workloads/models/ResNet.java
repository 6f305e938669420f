package dev.dawn.workloads.models;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ImageNet ResNet-18/34 (basic blocks) and ResNet-50 (bottlenecks) with the Bag-of-Tricks B/C/D tweaks. Any input size
 * works: SAME padding everywhere and a global average pool before the classifier.
 */
public final class ResNet implements Model {
  static final int[] STAGE_WIDTHS = {64, 128, 256, 512};

  private final ModelSpec spec;
  private final LayerFactory layers;
  private final List<ConvBn> stem = new ArrayList<>();
  private final List<ResidualBlock> blocks = new ArrayList<>();
  private final DenseLayer classifier;

  ResNet(ModelSpec spec, LayerFactory layers) {
    this.spec = spec;
    this.layers = layers;
    String variant = spec.variant();
    boolean deepStem = variant.equals("C") || variant.equals("D");
    boolean averageDown = variant.equals("D");
    boolean strideOn3x3 = !variant.equals("A");
    boolean bottleneck = spec.architecture().equals("resnet50");
    int[] depths = depths(spec.architecture());
    ConvWidths w = ConvWidths.of(spec);

    int channels;
    if (deepStem) {
      stem.add(new ConvBn(layers, "stem1", 3, 3, w.out("stem1"), 2, false));
      stem.add(new ConvBn(layers, "stem2", 3, w.out("stem1"), w.out("stem2"), 1, false));
      channels = w.out("stem3");
      stem.add(new ConvBn(layers, "stem3", 3, w.out("stem2"), channels, 1, false));
    } else {
      channels = w.out("stem");
      stem.add(new ConvBn(layers, "stem", 7, 3, channels, 2, false));
    }

    for (int stage = 0; stage < depths.length; stage++) {
      for (int i = 0; i < depths[stage]; i++) {
        int stride = stage > 0 && i == 0 ? 2 : 1;
        String name = "stage" + (stage + 1) + "_block" + (i + 1);
        if (bottleneck) {
          int out = w.out(name + ".c");
          blocks.add(new BottleneckBlock(layers, name, channels, w.out(name + ".a"), w.out(name + ".b"), out, stride,
              strideOn3x3, averageDown, w.has(name + ".shortcut")));
          channels = out;
        } else {
          int out = w.out(name + ".b");
          blocks.add(new BasicBlock(layers, name, channels, w.out(name + ".a"), out, stride, averageDown,
              w.has(name + ".shortcut")));
          channels = out;
        }
      }
    }
    classifier = layers.dense("classifier", channels, spec.numClasses(), true);
  }

  /** Blocks per stage. */
  static int[] depths(String architecture) {
    return switch (architecture) {
      case "resnet18" -> new int[] {2, 2, 2, 2};
      case "resnet34", "resnet50" -> new int[] {3, 4, 6, 3};
      default -> throw new IllegalArgumentException("ResNet cannot build architecture '" + architecture + "'");
    };
  }

  @Override
  public Operand<TFloat32> logits(ForwardPass pass, Operand<TFloat32> images) {
    Ops tf = pass.tf();
    Operand<TFloat32> x = layers.fromNhwc(tf, images);
    for (ConvBn unit : stem) {
      x = unit.applyRelu(pass, x);
    }
    x = layers.maxPool(tf, x, 3, 2);
    for (ResidualBlock block : blocks) {
      x = block.apply(pass, x);
    }
    return classifier.apply(pass, layers.globalAveragePool(tf, x));
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
