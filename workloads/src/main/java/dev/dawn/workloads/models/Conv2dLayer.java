package dev.dawn.workloads.models;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/** A conv without bias (a batch norm or a separate bias follows it). */
public final class Conv2dLayer {
  private final Variable<TFloat32> kernel;
  private final List<Long> strides;
  private final String padding;
  private final DataFormat format;

  Conv2dLayer(Variable<TFloat32> kernel, int stride, String padding, DataFormat format) {
    this.kernel = kernel;
    this.strides = format.spatial(stride);
    this.padding = padding;
    this.format = format;
  }

  public Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Ops tf = pass.tf();
    return tf.nn.conv2d(x, pass.weight(kernel), strides, padding, Conv2d.dataFormat(format.name()));
  }
}
