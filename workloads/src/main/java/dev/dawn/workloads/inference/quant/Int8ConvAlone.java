package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.NetConv;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TUint8;

/**
 * One conv of a net in a graph of its own, built as the net's INT8 graph ({@link Int8GraphBuilder})
 * builds it, for timing the conv's kernel apart from the rest of the net. Its quint8 input is fed
 * as raw bytes, a uint8 placeholder bitcast to quint8 (TF Java has no quint8 tensors), so the graph
 * holds no QuantizeV2 that the net does not run; a conv on signed data reads it padded and shifted,
 * as {@link SignedInputConv} makes it. A block's last conv runs as conv + bias (qint8 out) without
 * the shortcut add and ReLU the net fuses into it: that fused kernel writes its output over its
 * summand's buffer, and crashed (SIGSEGV) on a fed summand, which the caller still holds. The
 * output is not fetched (quantized tensors cannot be): run the kernel as a target.
 *
 * @param input uint8 {@code [1, height, width, channels]}, the conv's input as the net has it
 * @param kernel the conv's op
 */
public record Int8ConvAlone(Operand<TUint8> input, Operation kernel) {

  /**
   * @param ranges the net's calibrated ranges, as for {@link Int8GraphBuilder#build}
   * @throws IllegalArgumentException for a conv of a block the INT8 graph computes in FP32 (its
   *     input is signed)
   */
  public static Int8ConvAlone build(
      Ops tf, NetConv conv, Map<String, ActivationRange> ranges, Int8Weights weights) {
    Int8GraphBuilder net = Int8GraphBuilder.forConvs(tf, ranges, weights);
    Int8ConvBuilder q = net.convBuilder();
    FoldedConv c = conv.conv();
    ActivationRange in = net.range(conv.inputKey());
    if (conv.role() != NetConv.Role.LAYER && net.range(conv.blockInputKey()).min() < 0) {
      throw new IllegalArgumentException(
          "conv "
              + c.name()
              + ": the INT8 graph computes block "
              + conv.block().name()
              + " in FP32 (its input is signed)");
    }
    if (conv.role() == NetConv.Role.LAYER && in.min() < 0) {
      int h = SignedInputConv.paddedSize(conv.height(), c.kh(), c.stride(), c.padding());
      int w = SignedInputConv.paddedSize(conv.width(), c.kw(), c.stride(), c.padding());
      Operand<TUint8> bytes = bytes(tf, c.name(), h, w, c.in());
      QuantizedActivation shifted =
          quint8(tf, bytes, c.name(), new ActivationRange(0f, in.max() - in.min()));
      return new Int8ConvAlone(
          bytes,
          SignedInputConv.onShiftedInput(q, shifted, in, c, net.range(c.name())).value().op());
    }
    Operand<TUint8> bytes = bytes(tf, c.name(), conv.height(), conv.width(), c.in());
    QuantizedActivation x = quint8(tf, bytes, c.name(), in);
    QuantizedActivation out =
        conv.role() == NetConv.Role.SHORTCUT
            ? net.shortcutConv(x, conv.block())
            : q.conv(x, c, net.range(c.name()));
    return new Int8ConvAlone(bytes, out.value().op());
  }

  private static Operand<TUint8> bytes(Ops tf, String name, int h, int w, int channels) {
    return tf.withName(name + "_bytes")
        .placeholder(TUint8.class, Placeholder.shape(Shape.of(1, h, w, channels)));
  }

  private static QuantizedActivation quint8(
      Ops tf, Operand<TUint8> bytes, String name, ActivationRange range) {
    Operation bitcast =
        tf.scope()
            .opBuilder("Bitcast", name + "_quint8")
            .addInput(bytes.asOutput())
            .setAttr("type", DataType.DT_QUINT8)
            .build();
    return new QuantizedActivation(
        bitcast.output(0),
        tf.constant(0f),
        tf.constant(Int8ConvBuilder.positive(range.max())),
        DataType.DT_QUINT8);
  }
}
