package dev.dawn.workloads.numerics;

/**
 * The error function in double precision, for the GELU reference (Java has none): its Taylor series
 * below |x| = 3, where it converges to about 1e-13 despite cancellation, and the asymptotic
 * expansion of erfc above, whose truncation error there is under 1e-8.
 */
final class Erf {
  private Erf() {}

  static double erf(double x) {
    double a = Math.abs(x);
    double r;
    if (a < 3) {
      double term = a;
      double sum = a;
      double x2 = a * a;
      for (int n = 1; n < 80; n++) {
        term *= -x2 / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
      }
      r = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      double inv = 1 / (2 * a * a);
      double series = 1 - inv + 3 * inv * inv - 15 * inv * inv * inv + 105 * inv * inv * inv * inv;
      r = 1 - Math.exp(-a * a) / (a * Math.sqrt(Math.PI)) * series;
    }
    return x < 0 ? -r : r;
  }
}
