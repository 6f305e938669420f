package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The 1x1 conv + BN shortcut of a block that changes shape. ResNet-D averages 2x2 first and convolves at stride 1, so
 * no activation is skipped; the others use a strided 1x1 conv.
 */
final class ProjectionShortcut {
  private final LayerFactory layers;
  private final ConvBn projection;
  private final int stride;
  private final boolean averageDown;

  ProjectionShortcut(LayerFactory layers, String name, int in, int out, int stride, boolean averageDown) {
    this.layers = layers;
    this.stride = stride;
    this.averageDown = averageDown && stride > 1;
    this.projection = new ConvBn(layers, name, 1, in, out, this.averageDown ? 1 : stride, false);
  }

  /**
   * @param projection whether the block has one; decided on the published widths (ConvWidths), since a pruned block
   *     may end up with equal in and out widths and must still keep its trained projection
   * @return null for an identity shortcut, else the projection
   */
  static ProjectionShortcut forBlock(LayerFactory layers, String name, int in, int out, int stride, boolean avgDown,
      boolean projection) {
    if (!projection && (stride != 1 || in != out)) {
      throw new IllegalArgumentException("block " + name + " has an identity shortcut but maps " + in + " channels to "
          + out + " at stride " + stride);
    }
    return projection ? new ProjectionShortcut(layers, name, in, out, stride, avgDown) : null;
  }

  Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Operand<TFloat32> input = averageDown ? layers.avgPool(pass.tf(), x, stride, stride) : x;
    return projection.apply(pass, input);
  }
}
