package dev.dawn.workloads.precision;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The precisions {@code dawn infer} measures a folded net in: float32 and bfloat16 graphs of the
 * same net ({@link #floating}), and INT8 with calibrated activation ranges, which has no float
 * compute dtype.
 */
public enum InferencePrecision implements PrecisionName {
  FP32("fp32", Precision.FP32, 4),
  BF16("bf16", Precision.BF16, 2),
  INT8("int8", null, 1);

  private final String configName;
  private final Precision floating;
  private final int weightBytes;

  InferencePrecision(String configName, Precision floating, int weightBytes) {
    this.configName = configName;
    this.floating = floating;
    this.weightBytes = weightBytes;
  }

  /** Bytes of one weight in this precision's convolutions. */
  public int weightBytes() {
    return weightBytes;
  }

  /** The name in configs, flags, run records and file names: fp32, bf16 or int8. */
  @JsonValue
  public String configName() {
    return configName;
  }

  /** The float compute dtype of a float graph; empty for INT8. */
  public Optional<Precision> floating() {
    return Optional.ofNullable(floating);
  }

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  public static InferencePrecision fromConfigName(String name) {
    return PrecisionName.parse(InferencePrecision.class, name);
  }

  /** e.g. {@code [fp32, bf16, int8]}. */
  public static String allowedNames() {
    return PrecisionName.allowedNames(InferencePrecision.class);
  }

  @Override
  public String toString() {
    return configName;
  }
}
