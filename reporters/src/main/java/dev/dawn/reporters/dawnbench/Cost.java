package dev.dawn.reporters.dawnbench;

import java.util.OptionalDouble;

/**
 * When a cost figure counts: {@code costPerHour} (USD per hour) and an inference entry's {@code
 * cost} (USD per item) are prices only when finite and above zero. Zero and missing both mean "no
 * price given": no hardware runs for free, and a zero would rank first in every cost table. So
 * neither is ranked, multiplied into a run's cost, nor written into a submission as a price.
 */
public final class Cost {
  private Cost() {}

  public static boolean isPrice(double usd) {
    return Double.isFinite(usd) && usd > 0;
  }

  /** {@code usd} when it is a price, else empty. */
  public static OptionalDouble price(OptionalDouble usd) {
    return usd.isPresent() && isPrice(usd.getAsDouble()) ? usd : OptionalDouble.empty();
  }

  /** {@code usd} when it is a price, else null. */
  public static Double price(Double usd) {
    return usd != null && isPrice(usd) ? usd : null;
  }
}
