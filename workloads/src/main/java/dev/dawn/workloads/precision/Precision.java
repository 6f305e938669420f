package dev.dawn.workloads.precision;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The dtype a forward pass computes convolutions, matmuls, activations and pooling in. Variables
 * (master weights), batch-norm parameters and statistics, the loss and the optimizer always stay
 * float32; see {@code models.ForwardPass}.
 */
public enum Precision implements PrecisionName {
  FP32("fp32", TFloat32.class, 24),
  /** bfloat16: float32's exponent range with an 8-bit mantissa, so it needs no loss scaling. */
  BF16("bf16", TBfloat16.class, 8),
  /** IEEE half: 5-bit exponent, so small gradients underflow without loss scaling. */
  FP16("fp16", TFloat16.class, 11);

  private final String configName;
  private final Class<? extends TFloating> computeType;
  private final int significandBits;

  Precision(String configName, Class<? extends TFloating> computeType, int significandBits) {
    this.configName = configName;
    this.computeType = computeType;
    this.significandBits = significandBits;
  }

  /**
   * The largest relative error of one rounding to nearest in this dtype, {@code 2^-p} for a
   * significand of p bits (implicit bit included): 2^-24 for fp32, 2^-8 for bf16, 2^-11 for fp16.
   */
  public double unitRoundoff() {
    return Math.scalb(1.0, -significandBits);
  }

  /** The name used in configs and logs: fp32, bf16 or fp16. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String configName() {
    return configName;
  }

  public Class<? extends TFloating> computeType() {
    return computeType;
  }

  /** The compute dtype as the graph names it. */
  public DataType dataType() {
    return switch (this) {
      case FP32 -> DataType.DT_FLOAT;
      case BF16 -> DataType.DT_BFLOAT16;
      case FP16 -> DataType.DT_HALF;
    };
  }

  /**
   * A float32 value (images, a weight) cast to the compute dtype; the same operand under fp32. The
   * result keeps its declared float32 Java type: generics are erased and TensorFlow checks dtypes
   * when an op is added, so code above the cast needs no branch per precision.
   */
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> toCompute(Ops tf, Operand<TFloat32> x) {
    if (!isMixed()) {
      return x;
    }
    return (Operand<TFloat32>) (Operand<?>) tf.dtypes.cast(x, computeType);
  }

  /** A value in the compute dtype back to float32 (logits, a value to fetch). */
  public Operand<TFloat32> toFloat32(Ops tf, Operand<TFloat32> x) {
    return isMixed() ? tf.dtypes.cast(x, TFloat32.class) : x;
  }

  /** True when the compute dtype differs from the float32 master weights. */
  public boolean isMixed() {
    return this != FP32;
  }

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Precision fromConfigName(String name) {
    return PrecisionName.parse(Precision.class, name);
  }

  /** e.g. {@code [fp32, bf16, fp16]}. */
  public static String allowedNames() {
    return PrecisionName.allowedNames(Precision.class);
  }
}
