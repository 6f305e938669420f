package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** ResNet-18/34 block: two 3x3 convs, the first strided; the last BN starts at zero scale. */
final class BasicBlock implements ResidualBlock {
  private final ConvBn first;
  private final ConvBn second;
  private final ProjectionShortcut shortcut;

  /** @param mid the first conv's width (narrower than {@code out} once pruned) */
  BasicBlock(LayerFactory layers, String name, int in, int mid, int out, int stride, boolean averageDown,
      boolean projection) {
    first = new ConvBn(layers, name + "/a", 3, in, mid, stride, false);
    second = new ConvBn(layers, name + "/b", 3, mid, out, 1, true);
    shortcut = ProjectionShortcut.forBlock(layers, name + "/shortcut", in, out, stride, averageDown,
        projection);
  }

  @Override
  public Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Operand<TFloat32> branch = second.apply(pass, first.applyRelu(pass, x));
    Operand<TFloat32> identity = shortcut == null ? x : shortcut.apply(pass, x);
    return pass.tf().nn.relu(pass.tf().math.add(branch, identity));
  }
}
