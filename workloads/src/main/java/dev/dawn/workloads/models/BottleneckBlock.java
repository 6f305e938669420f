package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * ResNet-50 block 1x1 -> 3x3 -> 1x1 (x4 expansion). The stride sits on the first 1x1 conv for variant A and on the 3x3
 * conv from variant B on ("v1.5"). The last BN starts at zero scale.
 */
final class BottleneckBlock implements ResidualBlock {
  static final int EXPANSION = 4;

  private final ConvBn reduce;
  private final ConvBn spatial;
  private final ConvBn expand;
  private final ProjectionShortcut shortcut;

  /** @param reduced the 1x1 reduce conv's width, @param spatialWidth the 3x3 conv's (both narrower once pruned) */
  BottleneckBlock(LayerFactory layers, String name, int in, int reduced, int spatialWidth, int out, int stride,
      boolean strideOn3x3, boolean averageDown, boolean projection) {
    reduce = new ConvBn(layers, name + "/a", 1, in, reduced, strideOn3x3 ? 1 : stride, false);
    spatial = new ConvBn(layers, name + "/b", 3, reduced, spatialWidth, strideOn3x3 ? stride : 1, false);
    expand = new ConvBn(layers, name + "/c", 1, spatialWidth, out, 1, true);
    shortcut = ProjectionShortcut.forBlock(layers, name + "/shortcut", in, out, stride, averageDown,
        projection);
  }

  @Override
  public Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Operand<TFloat32> branch = expand.apply(pass, spatial.applyRelu(pass, reduce.applyRelu(pass, x)));
    Operand<TFloat32> identity = shortcut == null ? x : shortcut.apply(pass, x);
    return pass.tf().nn.relu(pass.tf().math.add(branch, identity));
  }
}
