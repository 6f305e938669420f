package dev.dawn.workloads.inference.bf16;

import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;

/**
 * The bf16 graph of a {@link FoldedNet}: the float32 images are cast to bf16 once, every weight is
 * a bf16 constant (a float constant cast at build time, which constant folding turns into one bf16
 * Const), convolutions, pools and the classifier compute in bf16 (oneDNN's bf16 kernels), and the
 * logits are cast back to float32. The global average pool sums in float32: bf16's 8-bit mantissa
 * loses the small terms of a 49-value sum. No calibration is needed.
 */
public final class Bf16NetGraph {
  private final Ops tf;

  private Bf16NetGraph(Ops tf) {
    this.tf = tf;
  }

  /** Float32 logits of {@code net} computed in bf16. */
  public static Operand<TFloat32> build(Ops tf, Operand<TFloat32> images, FoldedNet net) {
    Bf16NetGraph g = new Bf16NetGraph(tf);
    Operand<TBfloat16> x = tf.dtypes.cast(images, TBfloat16.class);
    for (LayerSpec layer : net.layers()) {
      x = g.apply(x, layer);
    }
    return tf.dtypes.cast(x, TFloat32.class);
  }

  private Operand<TBfloat16> apply(Operand<TBfloat16> x, LayerSpec layer) {
    if (layer instanceof FoldedConv c) {
      return conv(x, c);
    }
    if (layer instanceof ResidualBlock b) {
      Operand<TBfloat16> y = x;
      for (FoldedConv c : b.main()) {
        y = conv(y, c);
      }
      Operand<TBfloat16> shortcut = x;
      if (b.projection() != null) {
        shortcut =
            conv(b.shortcutPool() == null ? x : avgPool(x, b.shortcutPool()), b.projection());
      }
      return tf.nn.relu(tf.math.add(y, shortcut));
    }
    if (layer instanceof MaxPool p) {
      return tf.nn.maxPool(
          x,
          tf.constant(new int[] {1, p.size(), p.size(), 1}),
          tf.constant(new int[] {1, p.stride(), p.stride(), 1}),
          p.padding().name());
    }
    if (layer instanceof GlobalAvgPool) {
      Operand<TFloat32> mean =
          tf.math.mean(tf.dtypes.cast(x, TFloat32.class), tf.constant(new int[] {1, 2}));
      return tf.dtypes.cast(mean, TBfloat16.class);
    }
    Dense d = (Dense) layer;
    return tf.nn.biasAdd(
        tf.linalg.matMul(x, constant(Shape.of(d.in(), d.out()), d.weights())),
        constant(Shape.of(d.out()), d.bias()));
  }

  private Operand<TBfloat16> conv(Operand<TBfloat16> x, FoldedConv c) {
    Operand<TBfloat16> y =
        tf.nn.biasAdd(
            tf.nn.conv2d(
                x,
                constant(Shape.of(c.kh(), c.kw(), c.in(), c.out()), c.kernel()),
                List.of(1L, (long) c.stride(), (long) c.stride(), 1L),
                c.padding().name()),
            constant(Shape.of(c.out()), c.bias()));
    return c.relu() ? tf.nn.relu(y) : y;
  }

  private Operand<TBfloat16> avgPool(Operand<TBfloat16> x, AvgPool p) {
    return tf.nn.avgPool(
        x,
        List.of(1L, (long) p.size(), (long) p.size(), 1L),
        List.of(1L, (long) p.stride(), (long) p.stride(), 1L),
        p.padding().name());
  }

  private Operand<TBfloat16> constant(Shape shape, float[] values) {
    return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(values, true, false)), TBfloat16.class);
  }
}
