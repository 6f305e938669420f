package dev.dawn.workloads.numerics;

/** The INT8 kernels dawn's INT8 graphs are made of, each checked on its own. */
public enum Int8Pattern {
  /** {@code QuantizedConv2DWithBiasAndReluAndRequantize}: u8 in, s8 weights, u8 out. */
  CONV_RELU("int8 conv 3x3 + bias + relu"),
  /** {@code QuantizedConv2DWithBiasAndRequantize}: s8 out over a symmetric range. */
  CONV_SIGNED_OUTPUT("int8 conv 3x3 + bias, signed output"),
  /** {@code QuantizedConv2DWithBiasSumAndReluAndRequantize}: conv + residual add + relu. */
  CONV_ADD_RELU("int8 conv 3x3 + residual add + relu"),
  /** The stem on signed pixels: MIN_FIRST quantization, shift folded into the bias, 7x7/2. */
  SIGNED_INPUT_CONV("int8 conv 7x7/2 on signed input");

  private final String description;

  Int8Pattern(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
