package dev.dawn.reporters.dawnbench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly like Python 3's {@code repr(float)} (and so {@code json.dump}): the
 * shortest decimal that reads back to the same double; scientific notation when the decimal
 * exponent is below -4 or at least 16, written {@code e-06}/{@code e+16}; {@code .0} on whole
 * numbers in positional notation. JDK 17's {@code Double.toString} is neither always shortest nor
 * in this layout, hence this class.
 */
public final class PythonFloatFormat {
  private PythonFloatFormat() {}

  /** Python {@code repr(x)}; non-finite values give {@code nan}, {@code inf}, {@code -inf}. */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    return finite(x);
  }

  /**
   * As Python's {@code json.dumps(x)}: like {@link #repr} but {@code NaN}, {@code Infinity}, {@code
   * -Infinity}.
   */
  public static String json(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return finite(x);
  }

  private static String finite(double x) {
    if (x == 0) {
      return (1 / x < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(x);
    String sign = shortest.signum() < 0 ? "-" : "";
    BigDecimal abs = shortest.abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    // Scientific exponent of the leading digit: abs = 0.digits × 10^(digits.length - scale) = d.ddd
    // × 10^exp.
    int exp = digits.length() - abs.scale() - 1;
    if (exp < -4 || exp >= 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.format("%02d", Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
    }
    String plain = abs.toPlainString();
    return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
  }

  /**
   * The shortest decimal that parses back to {@code x}; among equally short ones, the nearest to
   * {@code x} (what Python's David Gay based repr does). The nearest p-digit decimal usually
   * round-trips when any does; FLOOR/CEILING cover the asymmetric rounding interval at powers of
   * two.
   */
  static BigDecimal shortestRoundTrip(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int p = 1; p <= 17; p++) {
      BigDecimal best = null;
      for (RoundingMode mode :
          new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(p, mode));
        if (candidate.doubleValue() == x
            && (best == null
                || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
