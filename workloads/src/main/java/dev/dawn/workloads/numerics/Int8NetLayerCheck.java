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
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Calibration;
import dev.dawn.workloads.inference.quant.Int8GraphBuilder;
import dev.dawn.workloads.inference.quant.Int8Net;
import dev.dawn.workloads.inference.quant.Int8Step;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.inference.quant.MinMaxCalibrator;
import dev.dawn.workloads.inference.quant.ShiftedShortcut;
import dev.dawn.workloads.precision.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * An INT8 graph of dawn's {@link Int8GraphBuilder}, checked layer by layer like {@link
 * NetLayerCheck}: each layer's output (dequantized where it is quantized) against {@link
 * Int8Reference} computed from the input the graph fed it, in the form the builder says it took
 * ({@link Int8Step}). Quantization the graph intends is part of the reference; what is left is the
 * kernels' own error, which is bounded to about one output step per layer. So a wrong INT8 kernel,
 * a saturating dot product or a mistake in how dawn wires the quantized ops is named at its layer,
 * while the accumulated quantization noise of a deep net, which depends on the weights and the
 * calibration rather than on the host, is not mistaken for it.
 */
public final class Int8NetLayerCheck {
  private static final ReferenceLayers FLOAT32 = new ReferenceLayers(Precision.FP32);

  private Int8NetLayerCheck() {}

  /**
   * @param ranges the calibrated activation ranges the INT8 graph is built with
   */
  public static NetOutcome run(
      FoldedNet net,
      Map<String, ActivationRange> ranges,
      Set<String> fp32Convs,
      Int8Weights weights,
      Nhwc images) {
    return run(net, ranges, fp32Convs, weights, weights, images);
  }

  /**
   * With {@code referenceWeights} other than those built with, a test stands in for wrong wiring.
   */
  static NetOutcome run(
      FoldedNet net,
      Map<String, ActivationRange> ranges,
      Set<String> fp32Convs,
      Int8Weights weights,
      Int8Weights referenceWeights,
      Nhwc images) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(FetchedTensors.shapeOf(images)));
      Int8Net int8 = Int8GraphBuilder.buildTraced(tf, x, net, ranges, fp32Convs, weights);
      Map<String, Operand<TFloat32>> fetches = new LinkedHashMap<>();
      List<Int8Step> steps = int8.steps();
      for (int i = 0; i < steps.size(); i++) {
        fetches.put(key(i), steps.get(i).traceValue());
      }
      FetchedTensors first = FetchedTensors.run(s, x, images, fetches);
      FetchedTensors second = FetchedTensors.run(s, x, images, fetches);
      return new NetOutcome(
          compare(net, steps, ranges, referenceWeights, images, first), first.sameBits(second));
    }
  }

  private static String key(int i) {
    return "step" + i;
  }

  private static List<Deviation> compare(
      FoldedNet net,
      List<Int8Step> steps,
      Map<String, ActivationRange> ranges,
      Int8Weights weights,
      Nhwc images,
      FetchedTensors got) {
    List<Deviation> out = new ArrayList<>();
    Expected cur = Expected.exact(images);
    double curStep = 0; // grid step of cur when it is quantized
    int i = 0;
    for (LayerSpec layer : net.layers()) {
      Expected blockInput = cur;
      double blockInputStep = curStep;
      Expected shiftedShortcut = null; // a projection block's shortcut, as the graph computed it
      // a quantized block records its main convs (and its shifted shortcut) before itself
      while (steps.get(i).layer() != layer) {
        Int8Step pre = steps.get(i);
        FoldedConv c = (FoldedConv) pre.layer();
        if (pre.kind() == Int8Step.Kind.SHIFTED_SHORTCUT) {
          ResidualBlock b = (ResidualBlock) layer;
          Expected expected = shiftedShortcut(b, blockInput, blockInputStep, pre, ranges, weights);
          shiftedShortcut = checked(out, c.name(), expected, got, i++);
          continue;
        }
        Expected expected = int8Conv(cur, curStep, c, pre, ranges, weights);
        curStep = Int8Reference.step(ranges.get(c.name()));
        cur = checked(out, c.name(), expected, got, i++);
      }
      Int8Step st = steps.get(i);
      Expected expected;
      double stepOut = 0;
      switch (st.kind()) {
        case FLOAT -> expected = floatLayer(cur, layer);
        case INT8_CONV -> {
          FoldedConv c = (FoldedConv) layer;
          expected = int8Conv(cur, curStep, c, st, ranges, weights);
          stepOut = Int8Reference.step(ranges.get(c.name()));
        }
        case SIGNED_INPUT_CONV -> {
          FoldedConv c = (FoldedConv) layer;
          expected =
              Int8Reference.signedInputConv(cur, c, weights, st.inputRange(), ranges.get(c.name()));
          stepOut = Int8Reference.step(ranges.get(c.name()));
        }
        case QUANTIZED_MAX_POOL -> {
          expected = FLOAT32.maxPool(cur, (MaxPool) layer);
          stepOut = curStep;
        }
        case INT8_BLOCK_SUM -> {
          ResidualBlock b = (ResidualBlock) layer;
          Expected shortcut = blockIn(blockInput, st);
          double shortcutStep = inputStep(st, blockInputStep);
          boolean single = b.main().size() == 1;
          expected =
              Int8Reference.convAddRelu(
                  single ? shortcut : cur,
                  b.main().get(b.main().size() - 1),
                  shortcut,
                  weights,
                  ranges.get(b.name()),
                  single ? shortcutStep : curStep);
          stepOut = Int8Reference.step(ranges.get(b.name()));
        }
        case INT8_BLOCK_PROJECTION -> {
          ResidualBlock b = (ResidualBlock) layer;
          ShiftedShortcut shifted = ShiftedShortcut.of(b, ranges.get(b.projection().name()));
          boolean single = b.main().size() == 1;
          expected =
              Int8Reference.convAddRelu(
                  single ? blockIn(blockInput, st) : cur,
                  shifted.last(),
                  shiftedShortcut,
                  weights,
                  ranges.get(b.name()),
                  single ? inputStep(st, blockInputStep) : curStep);
          stepOut = Int8Reference.step(ranges.get(b.name()));
        }
        default -> throw new IllegalStateException("unknown INT8 step " + st.kind());
      }
      cur = checked(out, name(layer, i), expected, got, i++);
      curStep = stepOut;
    }
    return out;
  }

  /**
   * A projection block's shortcut conv on the block input (average pooled first in ResNet-D, then
   * requantized over the input's range), shifted to quint8 as {@link ShiftedShortcut} says.
   */
  private static Expected shiftedShortcut(
      ResidualBlock b,
      Expected blockInput,
      double blockInputStep,
      Int8Step st,
      Map<String, ActivationRange> ranges,
      Int8Weights weights) {
    Expected in = blockIn(blockInput, st);
    double step = inputStep(st, blockInputStep);
    if (b.shortcutPool() != null) {
      in = Int8Reference.quantizedInput(FLOAT32.avgPool(in, b.shortcutPool()), st.inputRange());
      step = Int8Reference.step(st.inputRange());
    }
    ShiftedShortcut shifted = ShiftedShortcut.of(b, ranges.get(b.projection().name()));
    return Int8Reference.conv(in, shifted.projection(), weights, shifted.shortcutRange(), step);
  }

  /** The grid step of a block's input as its kernels read it. */
  private static double inputStep(Int8Step st, double arrivedStep) {
    return st.inputQuantizedHere() ? Int8Reference.step(st.inputRange()) : arrivedStep;
  }

  /** The block's input as its kernels read it: quantized here if it arrived as float. */
  private static Expected blockIn(Expected in, Int8Step st) {
    return st.inputQuantizedHere() ? Int8Reference.quantizedInput(in, st.inputRange()) : in;
  }

  private static Expected int8Conv(
      Expected in,
      double inStep,
      FoldedConv c,
      Int8Step st,
      Map<String, ActivationRange> ranges,
      Int8Weights weights) {
    Expected x = st.inputQuantizedHere() ? Int8Reference.quantizedInput(in, st.inputRange()) : in;
    double step = st.inputQuantizedHere() ? Int8Reference.step(st.inputRange()) : inStep;
    return Int8Reference.conv(x, c, weights, ranges.get(c.name()), step);
  }

  /** A layer the INT8 graph computed in float32, as the float32 net does. */
  private static Expected floatLayer(Expected in, LayerSpec layer) {
    if (layer instanceof FoldedConv c) {
      return FLOAT32.conv(in, c);
    }
    if (layer instanceof ResidualBlock b) {
      Expected y = in;
      for (FoldedConv c : b.main()) {
        y = FLOAT32.conv(y, c);
      }
      Expected shortcut = in;
      if (b.projection() != null) {
        Expected pooled = b.shortcutPool() == null ? in : FLOAT32.avgPool(in, b.shortcutPool());
        shortcut = FLOAT32.conv(pooled, b.projection());
      }
      return FLOAT32.addRelu(y, shortcut);
    }
    if (layer instanceof MaxPool p) {
      return FLOAT32.maxPool(in, p);
    }
    if (layer instanceof ActivationLayer a) {
      return FLOAT32.activation(in, a.function());
    }
    if (layer instanceof GlobalAvgPool) {
      return FLOAT32.globalAvgPool(in);
    }
    return FLOAT32.dense(in, (Dense) layer);
  }

  private static String name(LayerSpec layer, int i) {
    if (layer instanceof FoldedConv c) return c.name();
    if (layer instanceof ResidualBlock b) return b.name();
    if (layer instanceof ActivationLayer a) return a.name();
    if (layer instanceof Dense d) return d.name();
    return layer.getClass().getSimpleName().toLowerCase() + "#" + i;
  }

  /**
   * The ranges a min/max calibration finds on {@code images} for every activation the INT8 graph
   * quantizes.
   */
  public static Map<String, ActivationRange> calibrate(FoldedNet net, Nhwc images) {
    try (Graph g = new Graph();
        Session s = new Session(g);
        TFloat32 x = FetchedTensors.tensor(images)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> in =
          tf.placeholder(TFloat32.class, Placeholder.shape(FetchedTensors.shapeOf(images)));
      return Calibration.ranges(
          s, in, NetGraph.build(tf, in, net).activations(), List.of(x), MinMaxCalibrator::new);
    }
  }

  private static Expected checked(
      List<Deviation> out, String name, Expected expected, FetchedTensors got, int step) {
    out.add(Deviation.of(name, got.floats(key(step)), expected));
    return Expected.exact(got.get(key(step)));
  }
}
