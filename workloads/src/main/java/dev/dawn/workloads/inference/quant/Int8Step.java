package dev.dawn.workloads.inference.quant;

import dev.dawn.workloads.inference.net.LayerSpec;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One layer as the INT8 graph computed it: the form its input and output took, for the
 * layer-by-layer check of an INT8 graph ({@code numerics.Int8NetLayerCheck}).
 *
 * @param layer a top-level layer, a residual block's main conv or its projection (shortcut) conv
 * @param traceValue the output as float32: the layer's own output when it computed in float32, a
 *     Dequantize of it in a traced graph, else null
 * @param quantizedValue the output when quantized, else null
 * @param inputRange the calibrated range of the layer's input when it is read quantized (a block's
 *     shortcut requantizes a pooled input over it), else null
 * @param inputQuantizedHere whether a float input was quantized over {@code inputRange} inside this
 *     layer (else it arrived quantized)
 */
public record Int8Step(
    LayerSpec layer,
    Kind kind,
    Operand<TFloat32> traceValue,
    QuantizedActivation quantizedValue,
    ActivationRange inputRange,
    boolean inputQuantizedHere) {
  public enum Kind {
    /** Computed in float32 (a kept conv or block, pooling, activations, the classifier). */
    FLOAT,
    /** {@code QuantizedConv2D...AndRequantize} on quint8 input. */
    INT8_CONV,
    /** A conv on signed float input: MIN_FIRST quantization, shift folded into the bias. */
    SIGNED_INPUT_CONV,
    /** A residual block whose last conv, add and ReLU are one {@code ...SumAndRelu...} kernel. */
    INT8_BLOCK_SUM,
    /**
     * A projection block's shortcut conv, shifted to non-negative values and requantized to quint8
     * ({@link ShiftedShortcut}); recorded before its block.
     */
    SHIFTED_SHORTCUT,
    /**
     * A projection block whose last conv, add (of the shifted shortcut) and ReLU are one {@code
     * ...SumAndRelu...} kernel.
     */
    INT8_BLOCK_PROJECTION,
    /** {@code QuantizedMaxPool}: selects, computes nothing. */
    QUANTIZED_MAX_POOL
  }
}
