package dev.dawn.workloads.inference.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat32;

/**
 * FP32 versions of the folded layers with weights as graph constants (Grappler fuses conv+bias+relu
 * on oneDNN). It remembers the graph op name of every weight constant ({@link #constantOps}), so an
 * exported graph can be read back.
 */
public final class FloatLayers {
  /** Keys of {@link #constantOps}: {@code <layer name>/<tensor>}. */
  public static final String KERNEL = "kernel";

  public static final String BIAS = "bias";
  public static final String WEIGHTS = "weights";

  private final Ops tf;
  private final Map<String, String> constantOps = new LinkedHashMap<>();

  public FloatLayers(Ops tf) {
    this.tf = tf;
  }

  public Operand<TFloat32> conv(Operand<TFloat32> x, FoldedConv c) {
    var kernel = constant(c.name(), KERNEL, Shape.of(c.kh(), c.kw(), c.in(), c.out()), c.kernel());
    Operand<TFloat32> y =
        tf.nn.biasAdd(
            tf.nn.conv2d(
                x,
                kernel,
                List.of(1L, (long) c.stride(), (long) c.stride(), 1L),
                c.padding().name()),
            constant(c.name(), BIAS, Shape.of(c.out()), c.bias()));
    return c.relu() ? tf.nn.relu(y) : y;
  }

  /** The shortcut of a projection block: optional average pool, then the projection conv. */
  public Operand<TFloat32> projection(Operand<TFloat32> x, ResidualBlock b) {
    Operand<TFloat32> in = b.shortcutPool() == null ? x : avgPool(x, b.shortcutPool());
    return conv(in, b.projection());
  }

  public Operand<TFloat32> avgPool(Operand<TFloat32> x, AvgPool p) {
    return tf.nn.avgPool(
        x,
        List.of(1L, (long) p.size(), (long) p.size(), 1L),
        List.of(1L, (long) p.stride(), (long) p.stride(), 1L),
        p.padding().name());
  }

  public Operand<TFloat32> maxPool(Operand<TFloat32> x, MaxPool p) {
    return tf.nn.maxPool(
        x,
        tf.constant(new int[] {1, p.size(), p.size(), 1}),
        tf.constant(new int[] {1, p.stride(), p.stride(), 1}),
        p.padding().name());
  }

  public Operand<TFloat32> activation(Operand<TFloat32> x, Activation a) {
    return a.apply(tf, x, v -> tf.constant((float) v));
  }

  public Operand<TFloat32> globalAvgPool(Operand<TFloat32> x) {
    return tf.math.mean(x, tf.constant(new int[] {1, 2}));
  }

  public Operand<TFloat32> dense(Operand<TFloat32> x, Dense d) {
    var w = constant(d.name(), WEIGHTS, Shape.of(d.in(), d.out()), d.weights());
    return tf.nn.biasAdd(
        tf.linalg.matMul(x, w), constant(d.name(), BIAS, Shape.of(d.out()), d.bias()));
  }

  /** Graph op name of each weight constant built so far, keyed {@code <layer name>/<tensor>}. */
  public Map<String, String> constantOps() {
    return Map.copyOf(constantOps);
  }

  private Constant<TFloat32> constant(String layer, String tensor, Shape shape, float[] values) {
    Constant<TFloat32> c = tf.constant(shape, DataBuffers.of(values, true, false));
    constantOps.put(layer + "/" + tensor, c.op().name());
    return c;
  }
}
