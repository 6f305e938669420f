package dev.dawn.workloads.inference.net;

import dev.dawn.workloads.precision.Precision;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph of a {@link FoldedNet} with weights as constants, computing in one {@link Precision}
 * (float32 images in, float32 logits out), plus every activation the INT8 graph quantizes, by name,
 * for calibration and for the host numerics check: {@code "input"}, each conv's output (its name),
 * each residual block's output (its name), each {@link ActivationLayer}'s output (its name).
 * Activations are in the compute dtype (see {@link NetLayers}). {@code constantOps} maps {@code
 * <layer>/<tensor>} to the op name of that float32 weight constant.
 */
public record NetGraph(
    Operand<TFloat32> output,
    Map<String, Operand<TFloat32>> activations,
    Map<String, String> constantOps) {
  public static final String INPUT = "input";

  /** The float32 graph. */
  public static NetGraph build(Ops tf, Operand<TFloat32> input, FoldedNet net) {
    return build(tf, input, net, Precision.FP32);
  }

  public static NetGraph build(
      Ops tf, Operand<TFloat32> input, FoldedNet net, Precision precision) {
    NetLayers f = new NetLayers(tf, precision);
    Map<String, Operand<TFloat32>> acts = new LinkedHashMap<>();
    acts.put(INPUT, input);
    Operand<TFloat32> x = f.toCompute(input);
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        x = f.conv(x, c);
        acts.put(c.name(), x);
      } else if (layer instanceof ResidualBlock b) {
        Operand<TFloat32> y = x;
        for (FoldedConv c : b.main()) {
          y = f.conv(y, c);
          acts.put(c.name(), y);
        }
        Operand<TFloat32> shortcut = x;
        if (b.projection() != null) {
          shortcut = f.projection(x, b);
          acts.put(b.projection().name(), shortcut);
        }
        x = f.addRelu(y, shortcut);
        acts.put(b.name(), x);
      } else if (layer instanceof MaxPool p) {
        x = f.maxPool(x, p);
      } else if (layer instanceof ActivationLayer a) {
        x = f.activation(x, a.function());
        acts.put(a.name(), x);
      } else if (layer instanceof GlobalAvgPool) {
        x = f.globalAvgPool(x);
      } else if (layer instanceof Dense d) {
        x = f.dense(x, d);
      }
    }
    return new NetGraph(f.toFloat32(x), acts, f.constantOps());
  }
}
