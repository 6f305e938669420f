package dev.dawn.workloads.numerics;

import dev.dawn.workloads.precision.Precision;

/**
 * Error bounds from the arithmetic of a precision (Higham, "Accuracy and Stability of Numerical
 * Algorithms", ch. 2-3), for kernels that accumulate in float32, as oneDNN's and Eigen's reduced
 * precision kernels do. {@code u} is the unit roundoff of the compute dtype ({@link
 * Precision#unitRoundoff}).
 */
public final class ErrorBound {
  private static final double FP32_U = Precision.FP32.unitRoundoff();

  private ErrorBound() {}

  /** {@code gamma_n = n u / (1 - n u)} for float32 accumulation: a sum of n terms. */
  public static double accumulation(int n) {
    return gamma(n, FP32_U);
  }

  /** {@code gamma_n} for a sum of n terms accumulated in {@code p}. */
  public static double accumulation(int n, Precision p) {
    return gamma(n, p.unitRoundoff());
  }

  private static double gamma(int n, double u) {
    double nu = n * u;
    if (nu >= 1) {
      throw new IllegalArgumentException(
          "a sum of " + n + " terms with unit roundoff " + u + " has no error bound");
    }
    return nu / (1 - nu);
  }

  /**
   * A product sum of {@code k} terms plus a bias, {@code y = sum x_i w_i + b}, with {@code absSum =
   * sum |x_i w_i| + |b|}, on inputs already in the compute dtype: three roundings to it (the
   * weight, the product sum's result, the bias add's result), each at most {@code u absSum}, plus
   * float32 accumulation of k + 1 terms. Error already in the inputs is added by the caller.
   */
  public static double linear(double absSum, int k, Precision p) {
    return (3 * p.unitRoundoff() + accumulation(k + 1)) * absSum;
  }

  /**
   * A sum of {@code n} terms accumulated in {@code sum}, divided by n and rounded once to {@code
   * result} (an average pool sums in its own dtype; the global mean in float32).
   */
  public static double mean(double meanOfAbs, int n, Precision sum, Precision result) {
    return (accumulation(n, sum) + 2 * result.unitRoundoff()) * meanOfAbs;
  }

  /** {@code a + b} rounded once. */
  public static double add(double absA, double absB, Precision p) {
    return p.unitRoundoff() * (absA + absB);
  }
}
