package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FloatLayers;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.ResidualBlock;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adds a {@link FoldedNet}'s FP32 forward pass to a graph, weights as constants (one layer after another). */
public final class FoldedGraph {
  private FoldedGraph() {}

  /** @param images NHWC float input; the net's layers decide the output, normally logits [N, classes] */
  public static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, FoldedNet net) {
    FloatLayers layers = new FloatLayers(tf);
    Operand<TFloat32> x = images;
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        x = layers.conv(x, c);
      } else if (layer instanceof MaxPool p) {
        x = layers.maxPool(x, p);
      } else if (layer instanceof GlobalAvgPool) {
        x = layers.globalAvgPool(x);
      } else if (layer instanceof Dense d) {
        x = layers.dense(x, d);
      } else if (layer instanceof ResidualBlock b) {
        x = residual(tf, layers, x, b);
      } else {
        throw new IllegalArgumentException("folded graph: unknown layer " + layer);
      }
    }
    return x;
  }

  private static Operand<TFloat32> residual(Ops tf, FloatLayers layers, Operand<TFloat32> x, ResidualBlock block) {
    Operand<TFloat32> branch = x;
    for (FoldedConv c : block.main()) {
      branch = layers.conv(branch, c);
    }
    Operand<TFloat32> shortcut = block.projection() == null ? x : layers.conv(x, block.projection());
    return tf.nn.relu(tf.math.add(branch, shortcut));
  }
}
