package dev.dawn.benchmarks;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetConv;
import dev.dawn.workloads.inference.net.NetLayers;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Int8ConvAlone;
import dev.dawn.workloads.numerics.HostNumerics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * How far the whole ResNet-50 is from the hardware at batch 1, with no other framework to compare
 * with: every conv of the {@link ResNetForwardBenchmark} net (same resolution, same weights, the
 * INT8 graph's calibrated ranges) in a graph of its own, fed the input shape it has in the net,
 * timed beside the whole net in {@link AlternatingRounds}, in FP32 and INT8. A layer is its conv +
 * bias (+ ReLU where the net has one), built by {@link NetLayers} (FP32) as the net's graph builds
 * it and by {@link Int8ConvAlone} (INT8) with the kernel the net's INT8 graph gives it; a block's
 * last conv runs without the shortcut add the net fuses into it. Each layer's median less the
 * median of an empty session call (the net pays one call, a sum of layers one per layer) is summed:
 * what the net's convolutions take when each runs alone with its input and weights warm in cache.
 * The whole net over that sum says how much the net adds on top: pooling, residual adds,
 * (de)quantization, the classifier, the executor between ops, caches gone cold between layers. Not
 * a strict lower bound: a lone layer's call can pay costs the empty call does not (its constants,
 * its kernel's threads starting), and the net can overlap a shortcut with its main path on TF's
 * inter-op threads, so net/sum can come out slightly below 1.
 *
 * <p>Usage: {@code LayerSumCeiling [px=224] [rounds=9] [msPerRound=3000] [layers]}; {@code layers}
 * also prints every layer's medians.
 */
public final class LayerSumCeiling {
  private static final List<String> PRECISIONS = List.of("FP32", "INT8");
  private static final String OVERHEAD = "call overhead";

  private LayerSumCeiling() {}

  public static void main(String[] args) {
    int px = args.length > 0 ? Integer.parseInt(args[0]) : 224;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    long msPerRound = args.length > 2 ? Long.parseLong(args[2]) : 3000;
    boolean perLayer = args.length > 3 && args[3].equals("layers");
    List<AutoCloseable> open = new ArrayList<>();
    Map<String, ResNetForwardBenchmark> nets = new LinkedHashMap<>();
    for (String precision : PRECISIONS) {
      ResNetForwardBenchmark net = new ResNetForwardBenchmark();
      net.size = px;
      net.precision = precision;
      net.build();
      open.add(net::close);
      nets.put(precision, net);
    }
    FoldedNet net = nets.get("INT8").net();
    Map<String, ActivationRange> ranges = nets.get("INT8").ranges();
    List<NetConv> convs = NetConv.of(net);
    AlternatingRounds timed = new AlternatingRounds();
    nets.forEach((precision, n) -> timed.add("net " + precision, n::forward));
    Random rnd = new Random(5);
    ConvAlone empty = ConvAlone.empty();
    open.add(empty);
    timed.add(OVERHEAD, empty::run);
    for (NetConv conv : convs) {
      for (String precision : PRECISIONS) {
        ConvAlone layer =
            precision.equals("FP32")
                ? ConvAlone.fp32(conv, rnd)
                : ConvAlone.int8(conv, ranges, rnd);
        open.add(layer);
        timed.add(precision + " " + conv.conv().name(), layer::run);
      }
    }
    Map<String, Double> ms = timed.run(rounds, msPerRound);
    Int8CeilingRatio.closeAll(open);

    System.out.println(Int8CeilingRatio.cpuLine());
    System.out.printf(
        Locale.ROOT,
        "ResNet-50 v1.5 random, %d px, batch 1: each conv alone (conv + bias, + ReLU where the net"
            + " has one) against the whole net; medians of %d alternating rounds%n",
        px,
        rounds);
    double overhead = ms.get(OVERHEAD);
    if (perLayer) {
      System.out.println(
          "conv (role), input HxWxC, kernel HxWxout, stride, FP32 ms, INT8 ms (call overhead included)");
      for (NetConv conv : convs) {
        var c = conv.conv();
        System.out.printf(
            Locale.ROOT,
            "%s (%s), %dx%dx%d, %dx%dx%d, %d, %.3f, %.3f%n",
            c.name(),
            conv.role().name().toLowerCase(Locale.ROOT),
            conv.height(),
            conv.width(),
            c.in(),
            c.kh(),
            c.kw(),
            c.out(),
            c.stride(),
            ms.get("FP32 " + c.name()),
            ms.get("INT8 " + c.name()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "a layer's time is less one session call's overhead, %.3f ms (a graph that only passes"
            + " its input on, timed alike)%n",
        overhead);
    for (String precision : PRECISIONS) {
      double sum = 0;
      for (NetConv conv : convs) sum += ms.get(precision + " " + conv.conv().name()) - overhead;
      double whole = ms.get("net " + precision);
      System.out.printf(
          Locale.ROOT,
          "%s: sum of %d conv layers %.2f ms, whole net %.2f ms, net/sum %.2f%n",
          precision,
          convs.size(),
          sum,
          whole,
          whole / sum);
    }
  }

  /** One conv in a graph and session of its own, fed the same input tensor on every call. */
  private static final class ConvAlone implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final Operand<?> placeholder;
    private final Tensor input;
    private final Operation target;

    private ConvAlone(Graph graph, Operand<?> placeholder, Tensor input, Operation target) {
      this.graph = graph;
      this.session = new Session(graph);
      this.placeholder = placeholder;
      this.input = input;
      this.target = target;
    }

    /** No layer: a call's own cost, which the net pays once and a sum of layers once per layer. */
    static ConvAlone empty() {
      Graph g = new Graph();
      Ops tf = Ops.create(g);
      Shape shape = Shape.of(1, 1, 1, 1);
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      return new ConvAlone(g, x, TFloat32.tensorOf(shape), tf.identity(x).op());
    }

    static ConvAlone fp32(NetConv conv, Random rnd) {
      Graph g = new Graph();
      Ops tf = Ops.create(g);
      Shape shape = Shape.of(1, conv.height(), conv.width(), conv.conv().in());
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      Operand<TFloat32> y = new NetLayers(tf).conv(x, conv.conv());
      float[] v = new float[(int) shape.size()];
      for (int i = 0; i < v.length; i++) v[i] = rnd.nextFloat(); // post-ReLU values: >= 0
      return new ConvAlone(g, x, TFloat32.tensorOf(shape, DataBuffers.of(v, true, false)), y.op());
    }

    static ConvAlone int8(NetConv conv, Map<String, ActivationRange> ranges, Random rnd) {
      Graph g = new Graph();
      Int8ConvAlone alone =
          Int8ConvAlone.build(Ops.create(g), conv, ranges, HostNumerics.int8Weights());
      Shape shape = alone.input().shape();
      byte[] v = new byte[(int) shape.size()];
      rnd.nextBytes(v);
      return new ConvAlone(
          g, alone.input(), TUint8.tensorOf(shape, DataBuffers.of(v, true, false)), alone.kernel());
    }

    /** Nothing is fetched: the output stays in TF, as inside the net. */
    void run() {
      session.runner().feed(placeholder, input).addTarget(target).run().close();
    }

    @Override
    public void close() {
      session.close();
      input.close();
      graph.close();
    }
  }
}
