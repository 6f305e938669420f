package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.net.ActivationLayer;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.ResidualBlock;
import dev.dawn.workloads.precision.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Checks a folded net's graph in one precision layer by layer, inside the whole graph: one run
 * fetches the output of every layer that ends in an op of its own (the input, each conv with its
 * ReLU, each residual block after its add and ReLU, each stand-alone activation, the logits), and
 * each is compared with the reference computed from the value the graph fed that layer. A wrong
 * kernel is so caught in the layer where it errs, with the graph's own fusions and buffers around
 * it: values inside a fused group (the last conv of a block before its add) are not fetched, so
 * fetching does not split the group. The run is repeated: a correct graph returns the same bits.
 */
public final class NetLayerCheck {
  private NetLayerCheck() {}

  /**
   * @param images NHWC float32 images the net accepts
   */
  public static NetOutcome run(FoldedNet net, Precision precision, Nhwc images) {
    return run(net, net, precision, images);
  }

  /**
   * Builds {@code built}, checks it against {@code reference}: the same net unless a test stands in
   * for a wrong kernel with a graph that differs from the reference.
   */
  static NetOutcome run(FoldedNet built, FoldedNet reference, Precision precision, Nhwc images) {
    FoldedNet net = built;
    List<String> keys = boundaries(net);
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(FetchedTensors.shapeOf(images)));
      NetGraph graph = NetGraph.build(tf, x, net, precision);
      Map<String, Operand<TFloat32>> fetches = new LinkedHashMap<>();
      for (String key : keys) {
        fetches.put(key, FetchedTensors.asFloat32(tf, graph.activations().get(key)));
      }
      fetches.put(OUTPUT, graph.output());
      FetchedTensors first = FetchedTensors.run(s, x, images, fetches);
      FetchedTensors second = FetchedTensors.run(s, x, images, fetches);
      return new NetOutcome(compare(reference, precision, images, first), first.sameBits(second));
    }
  }

  static final String OUTPUT = "output";

  /** The layers whose output is fetched, in graph order (the fed input is known already). */
  static List<String> boundaries(FoldedNet net) {
    List<String> keys = new ArrayList<>();
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        keys.add(c.name());
      } else if (layer instanceof ResidualBlock b) {
        for (int i = 0; i < b.main().size() - 1; i++) {
          keys.add(b.main().get(i).name());
        }
        keys.add(b.name());
      } else if (layer instanceof ActivationLayer a) {
        keys.add(a.name());
      }
    }
    return keys;
  }

  private static List<Deviation> compare(
      FoldedNet net, Precision p, Nhwc images, FetchedTensors got) {
    ReferenceLayers ref = new ReferenceLayers(p);
    List<Deviation> out = new ArrayList<>();
    Expected cur = input(images, p);
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        cur = checked(out, c.name(), ref.conv(cur, c), got);
      } else if (layer instanceof ResidualBlock b) {
        Expected in = cur;
        Expected y = in;
        int last = b.main().size() - 1;
        for (int i = 0; i < last; i++) {
          FoldedConv c = b.main().get(i);
          y = checked(out, c.name(), ref.conv(y, c), got);
        }
        Expected main = ref.conv(y, b.main().get(last));
        Expected shortcut = in;
        if (b.projection() != null) {
          Expected pooled = b.shortcutPool() == null ? in : ref.avgPool(in, b.shortcutPool());
          shortcut = ref.conv(pooled, b.projection());
        }
        cur = checked(out, b.name(), ref.addRelu(main, shortcut), got);
      } else if (layer instanceof MaxPool pool) {
        cur = ref.maxPool(cur, pool);
      } else if (layer instanceof ActivationLayer a) {
        cur = checked(out, a.name(), ref.activation(cur, a.function()), got);
      } else if (layer instanceof GlobalAvgPool) {
        cur = ref.globalAvgPool(cur);
      } else if (layer instanceof Dense d) {
        cur = ref.dense(cur, d);
      }
    }
    checked(out, OUTPUT, cur, got);
    return out;
  }

  /** The float32 images; a reduced-precision graph rounds them once on the way in. */
  private static Expected input(Nhwc images, Precision p) {
    double[] bound = new double[images.v().length];
    if (p.isMixed()) {
      for (int i = 0; i < bound.length; i++) {
        bound[i] = p.unitRoundoff() * Math.abs(images.v()[i]);
      }
    }
    return new Expected(images, bound);
  }

  /** Compares, then continues from the value the graph computed (as the next layer saw it). */
  private static Expected checked(
      List<Deviation> out, String name, Expected expected, FetchedTensors got) {
    out.add(Deviation.of(name, got.floats(name), expected));
    return Expected.exact(got.get(name));
  }
}
