package dev.dawn.workloads.inference.quant;

import com.google.protobuf.ByteString;
import dev.dawn.workloads.inference.net.FoldedConv;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * Builds the INT8 conv kernels that oneDNN runs fast on CPUs with INT8 dot-product instructions
 * (VNNI, AMX), with raw {@code opBuilder} because the Java API has no quantized types:
 *
 * <ul>
 *   <li>{@code QuantizeV2} (SCALED, quint8) for a non-negative float input; MIN_FIRST for a signed
 *       one, shifted to start at 0 ({@link SignedInputConv});
 *   <li>{@code QuantizedConv2DWithBiasAndReluAndRequantize}: quint8 input x qint8 Const filter
 *       (per-output-channel ranges as vectors), fp32 bias, quint8 output with a calibrated
 *       ("freezed") range;
 *   <li>{@code QuantizedConv2DWithBiasAndRequantize}: the same without ReLU, qint8 output;
 *   <li>{@code QuantizedConv2DWithBiasSumAndReluAndRequantize} / {@code ...SignedSumAndRelu...}:
 *       conv + residual add + ReLU for a quint8 / qint8 shortcut;
 *   <li>{@code Dequantize} back to float.
 * </ul>
 *
 * These ops only have real kernels after oneDNN's graph rewrite; without {@code
 * TF_ENABLE_ONEDNN_OPTS=1} TF runs a placeholder kernel and fails with "Missing 0-th output from
 * {{node ...}}" (see {@link OneDnn}). The filter must be a Const (the kernel rejects a computed
 * one: "QuantizedConv: filter must be a constant"). oneDNN reads a quint8 tensor as {@code q * max
 * / 255}, so quint8 inputs must be non-negative; a layer fed with signed data (the image) should
 * stay FP32.
 */
public final class Int8ConvBuilder {
  private final Ops tf;
  private final Int8Weights weights;

  /**
   * @param weights the weight levels this host's INT8 kernels compute right with
   * @throws IllegalStateException if oneDNN is not enabled for this process (see {@link OneDnn})
   */
  public Int8ConvBuilder(Ops tf, Int8Weights weights) {
    OneDnn.requireEnabled();
    this.tf = tf;
    this.weights = weights;
  }

  public Int8Weights weights() {
    return weights;
  }

  /** Float -> quint8 over [0, range.max]; rejects a range with negative values (see class doc). */
  public QuantizedActivation quantize(Operand<TFloat32> x, ActivationRange range, String name) {
    if (range.min() < 0) {
      throw new IllegalArgumentException(
          "quantize "
              + name
              + ": quint8 input range must start at 0 (oneDNN reads q * max"
              + " / 255), got ["
              + range.min()
              + ", "
              + range.max()
              + "]; keep layers fed with signed data in FP32");
    }
    Operation op =
        tf.scope()
            .opBuilder("QuantizeV2", name)
            .addInput(x.asOutput())
            .addInput(tf.constant(0f).asOutput())
            .addInput(tf.constant(positive(range.max())).asOutput())
            .setAttr("T", DataType.DT_QUINT8)
            .setAttr("mode", "SCALED")
            .setAttr("round_mode", "HALF_TO_EVEN")
            .build();
    return new QuantizedActivation(op.output(0), op.output(1), op.output(2), DataType.DT_QUINT8);
  }

  /**
   * Float of signed range {@code range} -> quint8 of {@code x - range.min()} over {@code [0, max -
   * min]}, in one op: QuantizeV2's MIN_FIRST mode maps {@code min} to 0, which is the shift (see
   * {@link SignedInputConv}). The range handed on is the shifted one, as oneDNN reads it.
   */
  QuantizedActivation quantizeShifted(Operand<TFloat32> x, ActivationRange range, String name) {
    Operation op =
        tf.scope()
            .opBuilder("QuantizeV2", name)
            .addInput(x.asOutput())
            .addInput(tf.constant(range.min()).asOutput())
            .addInput(tf.constant(range.max()).asOutput())
            .setAttr("T", DataType.DT_QUINT8)
            .setAttr("mode", "MIN_FIRST")
            .setAttr("round_mode", "HALF_AWAY_FROM_ZERO")
            .build();
    return new QuantizedActivation(
        op.output(0),
        tf.constant(0f),
        tf.constant(positive(range.max() - range.min())),
        DataType.DT_QUINT8);
  }

  /**
   * Conv + bias (+ ReLU if {@code layer.relu()}) requantized to {@code out}'s range: quint8 with
   * ReLU, else qint8 over the symmetric range {@code [-amax, amax]}.
   */
  public QuantizedActivation conv(QuantizedActivation in, FoldedConv layer, ActivationRange out) {
    String type =
        layer.relu()
            ? "QuantizedConv2DWithBiasAndReluAndRequantize"
            : "QuantizedConv2DWithBiasAndRequantize";
    DataType outType = layer.relu() ? DataType.DT_QUINT8 : DataType.DT_QINT8;
    var b = convInputs(type, in, layer, out, outType);
    Operation op = b.build();
    return new QuantizedActivation(op.output(0), op.output(1), op.output(2), outType);
  }

  /**
   * {@code relu(conv(in) + bias + shortcut)} in one kernel; {@code layer.relu()} must be false
   * (ReLU is after the add). A quint8 shortcut is accurate; a qint8 one (signed-sum kernel) gave
   * ~10x larger logit error on a test net, so {@link Int8GraphBuilder} adds projection shortcuts in
   * FP32 instead.
   */
  public QuantizedActivation convAddRelu(
      QuantizedActivation in, FoldedConv layer, QuantizedActivation shortcut, ActivationRange out) {
    if (layer.relu()) {
      throw new IllegalArgumentException(
          "conv " + layer.name() + " feeds a residual add, so it must have relu=false");
    }
    boolean signed = shortcut.type() == DataType.DT_QINT8;
    String type =
        signed
            ? "QuantizedConv2DWithBiasSignedSumAndReluAndRequantize"
            : "QuantizedConv2DWithBiasSumAndReluAndRequantize";
    Operation op =
        convInputs(type, in, layer, out, DataType.DT_QUINT8)
            .addInput(shortcut.value())
            .addInput(shortcut.min().asOutput())
            .addInput(shortcut.max().asOutput())
            .setAttr("Tsummand", shortcut.type())
            .build();
    return new QuantizedActivation(op.output(0), op.output(1), op.output(2), DataType.DT_QUINT8);
  }

  /** Back to float, in the graph (quantized tensors cannot be fetched from Java). */
  public Operand<TFloat32> dequantize(QuantizedActivation q, String name) {
    Operation op =
        tf.scope()
            .opBuilder("Dequantize", name)
            .addInput(q.value())
            .addInput(q.min().asOutput())
            .addInput(q.max().asOutput())
            .setAttr("T", q.type())
            .setAttr("mode", "SCALED")
            .setAttr("narrow_range", q.type() == DataType.DT_QINT8)
            .build();
    return op.output(0);
  }

  private org.tensorflow.OperationBuilder convInputs(
      String type,
      QuantizedActivation in,
      FoldedConv layer,
      ActivationRange out,
      DataType outType) {
    if (in.type() != DataType.DT_QUINT8) {
      throw new IllegalArgumentException(
          "conv " + layer.name() + ": oneDNN INT8 conv needs a quint8 input, got " + in.type());
    }
    Int8PerChannel w = Int8PerChannel.ofKernel(layer.kernel(), layer.out(), weights);
    float outMax = positive(out.amax());
    float outMin = outType == DataType.DT_QUINT8 ? 0f : -outMax;
    return tf.scope()
        .opBuilder(type, layer.name())
        .addInput(in.value())
        .addInput(filterConst(layer, w))
        .addInput(tf.constant(layer.bias()).asOutput())
        .addInput(in.min().asOutput())
        .addInput(in.max().asOutput())
        .addInput(tf.constant(w.minFilter()).asOutput())
        .addInput(tf.constant(w.maxFilter()).asOutput())
        .addInput(tf.constant(outMin).asOutput())
        .addInput(tf.constant(outMax).asOutput())
        .setAttr("Tinput", DataType.DT_QUINT8)
        .setAttr("Tfilter", DataType.DT_QINT8)
        .setAttr("Tbias", DataType.DT_FLOAT)
        .setAttr("out_type", outType)
        .setAttr("strides", new long[] {1, layer.stride(), layer.stride(), 1})
        .setAttr("padding", layer.padding().name())
        .setAttr("dilations", new long[] {1, 1, 1, 1})
        .setAttr("padding_list", new long[0]);
  }

  /** A qint8 Const holding the per-channel quantized HWIO kernel. */
  private Output<?> filterConst(FoldedConv layer, Int8PerChannel w) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d :
        List.of((long) layer.kh(), (long) layer.kw(), (long) layer.in(), (long) layer.out())) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    TensorProto proto =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_QINT8)
            .setTensorShape(shape)
            .setTensorContent(ByteString.copyFrom(w.quantizeKernel(layer.kernel())))
            .build();
    return tf.scope()
        .opBuilder("Const", layer.name() + "_filter")
        .setAttr("value", AttrValue.newBuilder().setTensor(proto).build())
        .setAttr("dtype", DataType.DT_QINT8)
        .build()
        .output(0);
  }

  /** oneDNN divides by the range, so an all-zero range gets a tiny positive max. */
  static float positive(float max) {
    return Math.max(max, 1e-6f);
  }
}
