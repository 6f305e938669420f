package dev.dawn.workloads.inference.net;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** FP32 versions of the folded layers with weights as graph constants (Grappler fuses conv+bias+relu on oneDNN). */
public final class FloatLayers {
  private final Ops tf;

  public FloatLayers(Ops tf) {
    this.tf = tf;
  }

  public Operand<TFloat32> conv(Operand<TFloat32> x, FoldedConv c) {
    var kernel = tf.constant(Shape.of(c.kh(), c.kw(), c.in(), c.out()), DataBuffers.of(c.kernel(), true, false));
    Operand<TFloat32> y = tf.nn.biasAdd(
        tf.nn.conv2d(x, kernel, List.of(1L, (long) c.stride(), (long) c.stride(), 1L), c.padding().name()),
        tf.constant(c.bias()));
    return c.relu() ? tf.nn.relu(y) : y;
  }

  public Operand<TFloat32> maxPool(Operand<TFloat32> x, MaxPool p) {
    return tf.nn.maxPool(x, tf.constant(new int[] {1, p.size(), p.size(), 1}),
        tf.constant(new int[] {1, p.stride(), p.stride(), 1}), p.padding().name());
  }

  public Operand<TFloat32> globalAvgPool(Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(new int[] {1, 2}));
  }

  public Operand<TFloat32> dense(Operand<TFloat32> x, Dense d) {
    var w = tf.constant(Shape.of(d.in(), d.out()), DataBuffers.of(d.weights(), true, false));
    return tf.nn.biasAdd(tf.linalg.matMul(x, w), tf.constant(d.bias()));
  }
}
