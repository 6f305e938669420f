package dev.dawn.reporters.stats;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U test of two independent samples: do values of one tend to be larger
 * than the other's? It assumes nothing about the distribution, which suits run times (skewed, a few
 * runs per side).
 *
 * <p>Without ties and with both samples at most {@value #EXACT_MAX_N} runs, the p-value is exact:
 * the share of all ways to split the pooled ranks into the two sample sizes whose U is at least as
 * extreme. Otherwise it is the normal approximation with the tie-corrected variance and a 0.5
 * continuity correction. Infinite values (a run that never reached its target counted as infinitely
 * slow) rank like any other value; equal infinities tie.
 *
 * @param u U of the first sample: pairs (x, y) with x &gt; y, ties counting one half
 * @param p two-sided p-value
 * @param exact true when p comes from the exact distribution, false for the normal approximation
 * @param n1 size of the first sample
 * @param n2 size of the second sample
 */
public record MannWhitneyU(double u, double p, boolean exact, int n1, int n2) {
  /** Largest sample size for which the exact distribution is counted. */
  public static final int EXACT_MAX_N = 20;

  public static MannWhitneyU test(double[] x, double[] y) {
    int n1 = x.length;
    int n2 = y.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("Mann-Whitney U needs at least one value in each sample");
    }
    for (double v : x) {
      requireNumber(v);
    }
    for (double v : y) {
      requireNumber(v);
    }
    double u = 0;
    for (double a : x) {
      for (double b : y) {
        u += a > b ? 1 : a == b ? 0.5 : 0;
      }
    }
    double[] pooled = new double[n1 + n2];
    System.arraycopy(x, 0, pooled, 0, n1);
    System.arraycopy(y, 0, pooled, n1, n2);
    Arrays.sort(pooled);
    double tieSum = 0; // sum of t^3 - t over groups of t equal values
    boolean ties = false;
    for (int i = 0; i < pooled.length; ) {
      int j = i;
      while (j < pooled.length && pooled[j] == pooled[i]) {
        j++;
      }
      int t = j - i;
      if (t > 1) {
        ties = true;
        tieSum += (double) t * t * t - t;
      }
      i = j;
    }
    if (!ties && n1 <= EXACT_MAX_N && n2 <= EXACT_MAX_N) {
      return new MannWhitneyU(u, exactP((int) u, n1, n2), true, n1, n2);
    }
    double n = n1 + n2;
    double mean = n1 * (double) n2 / 2;
    double variance = n1 * (double) n2 / 12 * ((n + 1) - tieSum / (n * (n - 1)));
    if (variance <= 0) {
      return new MannWhitneyU(
          u, 1.0, false, n1, n2); // every value equal: nothing tells the samples apart
    }
    double z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
    return new MannWhitneyU(u, Math.min(1, 2 * upperNormalTail(z)), false, n1, n2);
  }

  private static void requireNumber(double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("Mann-Whitney U cannot rank NaN");
    }
  }

  /** Two-sided exact p: twice the smaller tail of U's null distribution, at most 1. */
  static double exactP(int u, int n1, int n2) {
    double[] counts = uCounts(n1, n2);
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double lower = 0;
    for (int k = 0; k <= u; k++) {
      lower += counts[k];
    }
    double upper = 0;
    for (int k = u; k < counts.length; k++) {
      upper += counts[k];
    }
    return Math.min(1.0, 2 * Math.min(lower, upper) / total);
  }

  /**
   * counts[k] = number of orderings of n1 x's and n2 y's with U = k, by the recursion f(m, n, k) =
   * f(m - 1, n, k - n) + f(m, n - 1, k) (the largest value is an x, adding n to U, or a y).
   */
  static double[] uCounts(int n1, int n2) {
    int max = n1 * n2;
    double[][][] f = new double[n1 + 1][n2 + 1][];
    for (int m = 0; m <= n1; m++) {
      for (int n = 0; n <= n2; n++) {
        double[] row = new double[m * n + 1];
        if (m == 0 || n == 0) {
          row[0] = 1;
        } else {
          for (int k = 0; k <= m * n; k++) {
            double fromX = k - n >= 0 && k - n < f[m - 1][n].length ? f[m - 1][n][k - n] : 0;
            double fromY = k < f[m][n - 1].length ? f[m][n - 1][k] : 0;
            row[k] = fromX + fromY;
          }
        }
        f[m][n] = row;
      }
    }
    return Arrays.copyOf(f[n1][n2], max + 1);
  }

  /**
   * P(Z &gt; z) for a standard normal Z, via erfc (Numerical Recipes' Chebyshev fit, relative error
   * below 1.2e-7).
   */
  static double upperNormalTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }

  /** The smallest two-sided p-value an exact test of these sizes can give (2 / C(n1 + n2, n1)). */
  public static double smallestExactP(int n1, int n2) {
    double c = 1;
    for (int i = 1; i <= n1; i++) {
      c = c * (n2 + i) / i;
    }
    return Math.min(1.0, 2 / c);
  }
}
