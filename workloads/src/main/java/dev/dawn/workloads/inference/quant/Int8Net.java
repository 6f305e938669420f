package dev.dawn.workloads.inference.quant;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The INT8 graph's float output and which convs it kept in FP32 (configured, or fed with signed
 * data such as the normalised image, which quint8 cannot hold), and how it computed each layer
 * ({@code steps}, in graph order).
 */
public record Int8Net(
    Operand<TFloat32> output,
    List<String> fp32Convs,
    List<String> int8Convs,
    List<Int8Step> steps) {}
