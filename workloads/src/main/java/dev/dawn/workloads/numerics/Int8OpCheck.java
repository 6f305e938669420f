package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.RandomFoldedNets;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Int8ConvBuilder;
import dev.dawn.workloads.inference.quant.Int8GraphBuilder;
import dev.dawn.workloads.inference.quant.Int8PerChannel;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.precision.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One INT8 kernel, built by dawn's own builders, against exact arithmetic. The inputs are integers
 * that quantize without rounding (range [0, 255], or [-128, 127] for signed input: one quantization
 * step is 1), so the kernel's int32 accumulation of u8 x s8 products must be exact; the reference
 * is the real-valued conv of those inputs with the dequantized weights, clipped to the output
 * range. What a correct kernel may add is its rounding to the output grid (half a step, allowed one
 * whole step for ties and float32 scales), the quantization of the float32 bias to the
 * accumulator's scale, and the float32 error of the reference itself. A dot product that saturates
 * (u8 x s8 pair sums beyond int16, on CPUs without VNNI) lands many steps away.
 */
public final class Int8OpCheck {
  private static final int BATCH = 2;
  private static final ActivationRange UNSIGNED = new ActivationRange(0f, 255f);
  private static final ActivationRange SIGNED = new ActivationRange(-128f, 127f);

  private Int8OpCheck() {}

  public static Deviation run(Int8Pattern pattern, Int8Weights weights, long seed) {
    RandomFoldedNets random = new RandomFoldedNets(seed);
    Random pixels = new Random(seed + 1);
    return switch (pattern) {
      case CONV_RELU ->
          oneLayer(pattern, random.conv("conv", 3, 16, 32, 1, true), UNSIGNED, 12, pixels, weights);
      case CONV_SIGNED_OUTPUT ->
          oneLayer(
              pattern, random.conv("conv", 3, 16, 32, 1, false), UNSIGNED, 12, pixels, weights);
      case SIGNED_INPUT_CONV ->
          oneLayer(pattern, random.conv("conv", 7, 3, 16, 2, true), SIGNED, 15, pixels, weights);
      case CONV_ADD_RELU ->
          convAddRelu(pattern, random.conv("conv", 3, 16, 16, 1, false), pixels, weights);
    };
  }

  /** A one-conv net through {@link Int8GraphBuilder}, as dawn's INT8 graphs build it. */
  private static Deviation oneLayer(
      Int8Pattern pattern,
      FoldedConv conv,
      ActivationRange inRange,
      int hw,
      Random pixels,
      Int8Weights weights) {
    Nhwc images = integers(hw, conv.in(), inRange, pixels);
    Int8PerChannel q = Int8PerChannel.ofKernel(conv.kernel(), conv.out(), weights);
    Expected exact =
        new ReferenceLayers(Precision.FP32)
            .conv(Expected.exact(images), Int8Reference.dequantized(conv, q));
    ActivationRange outRange = outputRange(exact, conv.relu());
    Map<String, ActivationRange> ranges = Map.of(NetGraph.INPUT, inRange, conv.name(), outRange);
    FoldedNet net = new FoldedNet(hw, hw, conv.in(), List.of(conv));
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = placeholder(tf, images);
      Operand<TFloat32> y = Int8GraphBuilder.build(tf, x, net, ranges, Set.of(), weights).output();
      FetchedTensors got = FetchedTensors.run(s, x, images, Map.of("output", y));
      return Deviation.of(
          pattern.description(),
          got.floats("output"),
          Int8Reference.requantized(exact, outRange, conv.relu(), q, 1.0));
    }
  }

  /**
   * {@code relu(conv(x) + shortcut)} in one kernel, x and the shortcut fed apart: in a net they are
   * different tensors (the block's input and its previous conv's output).
   */
  private static Deviation convAddRelu(
      Int8Pattern pattern, FoldedConv conv, Random pixels, Int8Weights weights) {
    Nhwc in = integers(12, conv.in(), UNSIGNED, pixels);
    Nhwc shortcut = integers(12, conv.out(), UNSIGNED, pixels);
    Int8PerChannel q = Int8PerChannel.ofKernel(conv.kernel(), conv.out(), weights);
    ReferenceLayers ref = new ReferenceLayers(Precision.FP32);
    Expected exact =
        ref.addRelu(
            ref.conv(Expected.exact(in), Int8Reference.dequantized(conv, q)),
            Expected.exact(shortcut));
    ActivationRange outRange = outputRange(exact, true);
    try (Graph g = new Graph();
        Session s = new Session(g);
        TFloat32 inTensor = FetchedTensors.tensor(in);
        TFloat32 shortcutTensor = FetchedTensors.tensor(shortcut)) {
      Ops tf = Ops.create(g);
      Int8ConvBuilder b = new Int8ConvBuilder(tf, weights);
      Operand<TFloat32> x = placeholder(tf, in);
      Operand<TFloat32> sx = placeholder(tf, shortcut);
      Operand<TFloat32> y =
          b.dequantize(
              b.convAddRelu(
                  b.quantize(x, UNSIGNED, "quantize_input"),
                  conv,
                  b.quantize(sx, UNSIGNED, "quantize_shortcut"),
                  outRange),
              "output");
      Map<Operand<TFloat32>, TFloat32> feeds = new LinkedHashMap<>();
      feeds.put(x, inTensor);
      feeds.put(sx, shortcutTensor);
      FetchedTensors got = FetchedTensors.run(s, feeds, Map.of("output", y));
      return Deviation.of(
          pattern.description(),
          got.floats("output"),
          Int8Reference.requantized(exact, outRange, true, q, 1.0));
    }
  }

  /** The range a calibration would find: the exact output's, unsigned after a ReLU. */
  private static ActivationRange outputRange(Expected exact, boolean unsigned) {
    double amax = 0;
    for (double v : exact.value().v()) {
      amax = Math.max(amax, Math.abs(v));
    }
    return unsigned
        ? new ActivationRange(0f, (float) amax)
        : new ActivationRange((float) -amax, (float) amax);
  }

  private static Operand<TFloat32> placeholder(Ops tf, Nhwc like) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(FetchedTensors.shapeOf(like)));
  }

  private static Nhwc integers(int hw, int channels, ActivationRange range, Random rnd) {
    double[] v = new double[BATCH * hw * hw * channels];
    int lo = (int) range.min();
    int span = (int) range.max() - lo + 1;
    for (int i = 0; i < v.length; i++) {
      v[i] = lo + rnd.nextInt(span);
    }
    return new Nhwc(BATCH, hw, hw, channels, v);
  }
}
