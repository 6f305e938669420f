package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.ActivationLayer;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.NetLayers;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Builds the INT8 graph of a {@link FoldedNet} from calibrated ranges (keys as in {@link
 * NetGraph}). Convs and residual blocks run as fused oneDNN INT8 kernels ({@link Int8ConvBuilder});
 * a residual block's last conv, its add and the ReLU are one {@code ...SumAndReluAndRequantize} op;
 * max pooling stays quantized ({@code QuantizedMaxPool}). Global average pooling, dense layers and
 * stand-alone activations (GELU) run in FP32 after a Dequantize, and so does any conv listed in
 * {@code fp32Convs}. A conv fed with signed float data (the image, a GELU output) runs in INT8 on
 * shifted input ({@link SignedInputConv}). Values cross between float and quint8 only where needed.
 */
public final class Int8GraphBuilder {
  private final Ops tf;
  private final Int8ConvBuilder q;
  private final NetLayers f;
  private final Map<String, ActivationRange> ranges;
  private final Set<String> fp32Convs;
  private final List<String> keptFp32 = new ArrayList<>();
  private final List<String> quantized = new ArrayList<>();
  private final List<Int8Step> steps = new ArrayList<>();
  private final Int8Weights weights;
  private final boolean traced;
  private final List<Operation> traceOps = new ArrayList<>();

  /**
   * A value flowing through the graph: float or quantized, plus the key of its calibrated range.
   */
  private record Value(Operand<TFloat32> fp, QuantizedActivation qa, String rangeKey) {}

  private Int8GraphBuilder(
      Ops tf,
      Map<String, ActivationRange> ranges,
      Set<String> fp32Convs,
      Int8Weights weights,
      boolean traced) {
    this.tf = tf;
    this.weights = weights;
    this.traced = traced;
    this.q = new Int8ConvBuilder(tf, weights);
    this.f = new NetLayers(tf);
    this.ranges = ranges;
    this.fp32Convs = fp32Convs;
  }

  /**
   * A builder of single convs with the kernels a whole net's graph gives them ({@link
   * Int8ConvAlone}).
   */
  static Int8GraphBuilder forConvs(
      Ops tf, Map<String, ActivationRange> ranges, Int8Weights weights) {
    return new Int8GraphBuilder(tf, ranges, Set.of(), weights, false);
  }

  Int8ConvBuilder convBuilder() {
    return q;
  }

  public static Int8Net build(
      Ops tf,
      Operand<TFloat32> input,
      FoldedNet net,
      Map<String, ActivationRange> ranges,
      Set<String> fp32Convs,
      Int8Weights weights) {
    return build(tf, input, net, ranges, fp32Convs, weights, false);
  }

  /**
   * The same graph, with each quantized layer output also dequantized ({@link Int8Step#traceValue})
   * for the layer-by-layer check. Every conv+sum kernel waits for the traces built before it:
   * oneDNN's {@code QuantizedConv2DWithBiasSumAndReluAndRequantize} in TensorFlow 2.18 may reuse
   * its summand's buffer for its output, and crashed (SIGSEGV in Tensor::CheckTypeAndIsAligned)
   * when another op read that summand unordered with it.
   */
  public static Int8Net buildTraced(
      Ops tf,
      Operand<TFloat32> input,
      FoldedNet net,
      Map<String, ActivationRange> ranges,
      Set<String> fp32Convs,
      Int8Weights weights) {
    return build(tf, input, net, ranges, fp32Convs, weights, true);
  }

  private static Int8Net build(
      Ops tf,
      Operand<TFloat32> input,
      FoldedNet net,
      Map<String, ActivationRange> ranges,
      Set<String> fp32Convs,
      Int8Weights weights,
      boolean traced) {
    Int8GraphBuilder b = new Int8GraphBuilder(tf, ranges, fp32Convs, weights, traced);
    Value v = new Value(input, null, NetGraph.INPUT);
    for (LayerSpec layer : net.layers()) {
      v = b.apply(v, layer);
    }
    return new Int8Net(
        b.asFloat(v), List.copyOf(b.keptFp32), List.copyOf(b.quantized), List.copyOf(b.steps));
  }

  private Value apply(Value v, LayerSpec layer) {
    if (layer instanceof FoldedConv c) {
      if (!canQuantizeConv(c, v)) {
        keptFp32.add(c.name());
        return step(layer, Int8Step.Kind.FLOAT, new Value(f.conv(asFloat(v), c), null, c.name()));
      }
      quantized.add(c.name());
      if (v.qa == null && range(v.rangeKey).min() < 0) {
        return step(
            layer,
            Int8Step.Kind.SIGNED_INPUT_CONV,
            new Value(
                null,
                SignedInputConv.build(tf, q, v.fp, range(v.rangeKey), c, range(c.name())),
                c.name()),
            range(v.rangeKey),
            true);
      }
      return step(
          layer,
          Int8Step.Kind.INT8_CONV,
          new Value(null, q.conv(asQuint8(v), c, range(c.name())), c.name()),
          v.qa == null ? range(v.rangeKey) : null,
          v.qa == null);
    }
    if (layer instanceof ResidualBlock b) {
      return block(v, b);
    }
    if (layer instanceof MaxPool p) {
      return v.qa != null && v.qa.type() == DataType.DT_QUINT8
          ? step(
              layer,
              Int8Step.Kind.QUANTIZED_MAX_POOL,
              new Value(null, quantizedMaxPool(v.qa, p), v.rangeKey))
          : step(layer, Int8Step.Kind.FLOAT, new Value(f.maxPool(asFloat(v), p), null, v.rangeKey));
    }
    if (layer
        instanceof
        ActivationLayer a) { // GELU has no fused INT8 kernel: FP32; the next conv reads it shifted
      return step(
          layer,
          Int8Step.Kind.FLOAT,
          new Value(f.activation(asFloat(v), a.function()), null, a.name()));
    }
    if (layer instanceof GlobalAvgPool) {
      return step(layer, Int8Step.Kind.FLOAT, new Value(f.globalAvgPool(asFloat(v)), null, null));
    }
    Dense d = (Dense) layer;
    return step(layer, Int8Step.Kind.FLOAT, new Value(f.dense(asFloat(v), d), null, null));
  }

  private Value step(LayerSpec layer, Int8Step.Kind kind, Value out) {
    return step(layer, kind, out, null, false);
  }

  /** Records how a layer was computed, for the layer-by-layer check; returns its output. */
  private Value step(
      LayerSpec layer,
      Int8Step.Kind kind,
      Value out,
      ActivationRange inputRange,
      boolean inputQuantizedHere) {
    Operand<TFloat32> trace = out.qa == null ? out.fp : null;
    if (traced && out.qa != null) {
      trace = q.dequantize(out.qa, "trace_" + steps.size());
      traceOps.add(trace.op());
    }
    steps.add(new Int8Step(layer, kind, trace, out.qa, inputRange, inputQuantizedHere));
    return out;
  }

  private Value block(Value in, ResidualBlock b) {
    FoldedConv first = b.main().get(0);
    if (!canQuantize(first, in)) {
      // Whole block in FP32: same math as NetGraph.
      Operand<TFloat32> x = asFloat(in);
      Operand<TFloat32> y = x;
      for (FoldedConv c : b.main()) {
        keptFp32.add(c.name());
        y = f.conv(y, c);
      }
      Operand<TFloat32> s = x;
      if (b.projection() != null) {
        keptFp32.add(b.projection().name());
        s = f.projection(x, b);
      }
      return step(b, Int8Step.Kind.FLOAT, new Value(f.addRelu(y, s), null, b.name()));
    }
    boolean quantizedHere = in.qa == null;
    QuantizedActivation x = asQuint8(in);
    QuantizedActivation y = x;
    List<FoldedConv> main = b.main();
    for (int i = 0; i < main.size() - 1; i++) {
      quantized.add(main.get(i).name());
      y = q.conv(y, main.get(i), range(main.get(i).name()));
      step(
          main.get(i),
          Int8Step.Kind.INT8_CONV,
          new Value(null, y, main.get(i).name()),
          i == 0 ? range(in.rangeKey) : null,
          i == 0 && quantizedHere);
    }
    FoldedConv last = main.get(main.size() - 1);
    quantized.add(last.name());
    if (b.projection() == null) {
      return step(
          b,
          Int8Step.Kind.INT8_BLOCK_SUM,
          new Value(null, summing().convAddRelu(y, last, x, range(b.name())), b.name()),
          range(in.rangeKey),
          quantizedHere);
    }
    // Projection blocks: the shortcut computed shifted to quint8 (ShiftedShortcut), then the last
    // conv, the add and the ReLU in the same unsigned-summand kernel as an identity block.
    quantized.add(b.projection().name());
    QuantizedActivation shortcut = shortcutConv(shortcutInput(x, in.rangeKey, b), b);
    step(
        b.projection(),
        Int8Step.Kind.SHIFTED_SHORTCUT,
        new Value(null, shortcut, b.projection().name()),
        range(in.rangeKey),
        quantizedHere);
    return step(
        b,
        Int8Step.Kind.INT8_BLOCK_PROJECTION,
        new Value(
            null, summing().convAddRelu(y, shifted(b).last(), shortcut, range(b.name())), b.name()),
        range(in.rangeKey),
        quantizedHere);
  }

  /** A projection block's shortcut conv, shifted to quint8 ({@link ShiftedShortcut}). */
  QuantizedActivation shortcutConv(QuantizedActivation x, ResidualBlock b) {
    ShiftedShortcut shifted = shifted(b);
    return q.conv(x, shifted.projection(), shifted.shortcutRange());
  }

  private ShiftedShortcut shifted(ResidualBlock b) {
    return ShiftedShortcut.of(b, range(b.projection().name()));
  }

  /**
   * ResNet-D's shortcut average pool runs in FP32 between a Dequantize and a QuantizeV2. An average
   * lies within the range of its inputs, so the block input's calibrated range also covers the
   * pooled values: no extra calibration key.
   */
  /** The builder of a conv+sum kernel: after every trace so far when traced (see buildTraced). */
  private Int8ConvBuilder summing() {
    return traced && !traceOps.isEmpty()
        ? new Int8ConvBuilder(tf.withControlDependencyOps(List.copyOf(traceOps)), weights)
        : q;
  }

  private QuantizedActivation shortcutInput(
      QuantizedActivation x, String rangeKey, ResidualBlock b) {
    if (b.shortcutPool() == null) {
      return x;
    }
    Operand<TFloat32> pooled =
        f.avgPool(q.dequantize(x, "dequantize_" + b.name() + "_shortcut"), b.shortcutPool());
    return q.quantize(pooled, range(rangeKey), "quantize_" + b.name() + "_shortcut_pool");
  }

  /**
   * Signed float input is fine for a plain conv ({@link SignedInputConv}), not for a residual
   * block's first conv.
   */
  private boolean canQuantize(FoldedConv c, Value in) {
    if (fp32Convs.contains(c.name())) {
      return false;
    }
    return in.qa != null ? in.qa.type() == DataType.DT_QUINT8 : range(in.rangeKey).min() >= 0;
  }

  private boolean canQuantizeConv(FoldedConv c, Value in) {
    return canQuantize(c, in) || (!fp32Convs.contains(c.name()) && in.qa == null);
  }

  private QuantizedActivation asQuint8(Value v) {
    if (v.qa != null) {
      if (v.qa.type() != DataType.DT_QUINT8) {
        throw new IllegalStateException(
            "activation " + v.rangeKey + " is " + v.qa.type() + ", a conv needs quint8");
      }
      return v.qa;
    }
    return q.quantize(v.fp, range(v.rangeKey), "quantize_" + v.rangeKey);
  }

  private Operand<TFloat32> asFloat(Value v) {
    return v.qa != null ? q.dequantize(v.qa, "dequantize_" + v.rangeKey) : v.fp;
  }

  private QuantizedActivation quantizedMaxPool(QuantizedActivation in, MaxPool p) {
    Operation op =
        tf.scope()
            .opBuilder("QuantizedMaxPool", "quantized_max_pool")
            .addInput(in.value())
            .addInput(in.min().asOutput())
            .addInput(in.max().asOutput())
            .setAttr("T", in.type())
            .setAttr("ksize", new long[] {1, p.size(), p.size(), 1})
            .setAttr("strides", new long[] {1, p.stride(), p.stride(), 1})
            .setAttr("padding", p.padding().name())
            .build();
    return new QuantizedActivation(op.output(0), op.output(1), op.output(2), in.type());
  }

  ActivationRange range(String key) {
    ActivationRange r = ranges.get(key);
    if (r == null) {
      throw new IllegalArgumentException(
          "no calibrated range for activation '" + key + "'; calibrated: " + ranges.keySet());
    }
    return r;
  }
}
