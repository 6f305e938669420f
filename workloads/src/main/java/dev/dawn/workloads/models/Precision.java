package dev.dawn.workloads.models;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The dtype a forward pass computes convolutions, matmuls, activations and pooling in. Variables
 * (master weights), batch-norm parameters and statistics, the loss and the optimizer always stay
 * float32; see {@link ForwardPass}.
 */
public enum Precision {
  FP32("fp32", TFloat32.class),
  /** bfloat16: float32's exponent range with an 8-bit mantissa, so it needs no loss scaling. */
  BF16("bf16", TBfloat16.class),
  /** IEEE half: 5-bit exponent, so small gradients underflow without loss scaling. */
  FP16("fp16", TFloat16.class);

  private final String configName;
  private final Class<? extends TFloating> computeType;

  Precision(String configName, Class<? extends TFloating> computeType) {
    this.configName = configName;
    this.computeType = computeType;
  }

  /** The name used in configs and logs: fp32, bf16 or fp16. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String configName() {
    return configName;
  }

  public Class<? extends TFloating> computeType() {
    return computeType;
  }

  /** True when the compute dtype differs from the float32 master weights. */
  public boolean isMixed() {
    return this != FP32;
  }

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Precision fromConfigName(String name) {
    for (Precision p : values()) {
      if (p.configName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "precision must be one of " + allowedNames() + ", got '" + name + "'");
  }

  /** e.g. {@code [fp32, bf16, fp16]}. */
  public static String allowedNames() {
    return Arrays.stream(values())
        .map(Precision::configName)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
