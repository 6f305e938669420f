package dev.dawn.workloads.inference.net;

import dev.dawn.workloads.precision.Precision;
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
 * The folded layers as graph ops computing in one {@link Precision}, with weights as graph
 * constants (Grappler fuses conv+bias+relu on oneDNN). Under bf16 or fp16 each float32 weight
 * constant is cast to the compute dtype, which constant folding turns into one constant of that
 * dtype, and activations carry the compute dtype at run time although their Java type says float32
 * (generics are erased; TensorFlow checks dtypes when an op is added), as in the training graph's
 * {@code ForwardPass}. It remembers the graph op name of every float32 weight constant ({@link
 * #constantOps}), so an exported graph can be read back.
 */
public final class NetLayers {
  /** Keys of {@link #constantOps}: {@code <layer name>/<tensor>}. */
  public static final String KERNEL = "kernel";

  public static final String BIAS = "bias";
  public static final String WEIGHTS = "weights";

  private final Ops tf;
  private final Precision precision;
  private final Map<String, String> constantOps = new LinkedHashMap<>();

  public NetLayers(Ops tf) {
    this(tf, Precision.FP32);
  }

  public NetLayers(Ops tf, Precision precision) {
    this.tf = tf;
    this.precision = precision;
  }

  public Precision precision() {
    return precision;
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

  /** {@code relu(main + shortcut)}: the end of a residual block. */
  public Operand<TFloat32> addRelu(Operand<TFloat32> main, Operand<TFloat32> shortcut) {
    return tf.nn.relu(tf.math.add(main, shortcut));
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
    return a.apply(tf, x, v -> toCompute(tf.constant((float) v)));
  }

  /**
   * Mean over H and W. Under a reduced precision the sum runs in float32: an 8-bit mantissa loses
   * the small terms of a 49-value sum.
   */
  public Operand<TFloat32> globalAvgPool(Operand<TFloat32> x) {
    return toCompute(tf.math.mean(toFloat32(x), tf.constant(new int[] {1, 2})));
  }

  public Operand<TFloat32> dense(Operand<TFloat32> x, Dense d) {
    var w = constant(d.name(), WEIGHTS, Shape.of(d.in(), d.out()), d.weights());
    return tf.nn.biasAdd(
        tf.linalg.matMul(x, w), constant(d.name(), BIAS, Shape.of(d.out()), d.bias()));
  }

  /** A float32 activation (the images) in the compute dtype; the same operand under fp32. */
  public Operand<TFloat32> toCompute(Operand<TFloat32> x) {
    return precision.toCompute(tf, x);
  }

  /** An activation in the compute dtype as float32 (the logits, or a value to fetch). */
  public Operand<TFloat32> toFloat32(Operand<TFloat32> x) {
    return precision.toFloat32(tf, x);
  }

  /** Graph op name of each weight constant built so far, keyed {@code <layer name>/<tensor>}. */
  public Map<String, String> constantOps() {
    return Map.copyOf(constantOps);
  }

  private Operand<TFloat32> constant(String layer, String tensor, Shape shape, float[] values) {
    Constant<TFloat32> c = tf.constant(shape, DataBuffers.of(values, true, false));
    constantOps.put(layer + "/" + tensor, c.op().name());
    return toCompute(c);
  }
}
