package dev.dawn.workloads.inference.quant;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * A quantized tensor in the graph with its float range. TF Java has no quint8/qint8 tensor types,
 * so the value is an untyped {@link Output} and must be dequantized in the graph before it is
 * fetched.
 *
 * @param type {@code DT_QUINT8} (non-negative, e.g. after ReLU) or {@code DT_QINT8} (signed)
 */
public record QuantizedActivation(
    Output<?> value, Operand<TFloat32> min, Operand<TFloat32> max, DataType type) {}
