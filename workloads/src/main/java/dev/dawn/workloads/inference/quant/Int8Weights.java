package dev.dawn.workloads.inference.quant;

/**
 * How many levels a quantized weight may use. oneDNN's INT8 convolutions on CPUs without VNNI or
 * AMX multiply u8 activations by s8 weights with {@code vpmaddubsw}, which adds each pair of
 * products into a saturating int16: {@code 2 * 255 * 127 = 64,770} overflows it, so some outputs
 * come out clipped. Weights limited to 7 bits ({@code 2 * 255 * 63 = 32,130}) cannot overflow, at
 * the price of half the weight resolution. Which one a host needs is measured, not guessed from CPU
 * flags: see {@code dev.dawn.workloads.numerics}.
 */
public enum Int8Weights {
  /** Symmetric int8, levels -127..127. */
  EIGHT_BIT(127),
  /** Levels -63..63: no int16 overflow in u8 x s8 pair sums. */
  SEVEN_BIT(63);

  private final int maxLevel;

  Int8Weights(int maxLevel) {
    this.maxLevel = maxLevel;
  }

  public int maxLevel() {
    return maxLevel;
  }

  /** e.g. {@code 8-bit} or {@code 7-bit}, for logs and tables. */
  public String label() {
    return this == EIGHT_BIT ? "8-bit" : "7-bit";
  }
}
