package dev.dawn.reporters.stats;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U test of two independent samples: do values of one tend to be larger
 * than the other's? It assumes nothing about the distribution, which suits run times (skewed, a few
 * runs per side).
 *
 * <p>With both samples at most {@value #EXACT_MAX_N} runs, the p-value is exact: the share of all
 * ways to split the pooled ranks (tied values sharing their mid-rank) into the two sample sizes
 * whose rank sum is at least as extreme, twice the smaller tail. Ties are common here (every run
 * that missed its target is an equal infinity), and the normal approximation can then fall below
 * the smallest p the split count allows. Larger samples use the normal approximation with the
 * tie-corrected variance and a 0.5 continuity correction. Infinite values (a run that never reached
 * its target counted as infinitely slow) rank like any other value; equal infinities tie.
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
    // Twice the mid-rank of each sorted value (whole numbers), and sum of t^3 - t over tie groups.
    int[] twiceRanks = new int[pooled.length];
    double tieSum = 0;
    for (int i = 0; i < pooled.length; ) {
      int j = i;
      while (j < pooled.length && pooled[j] == pooled[i]) {
        j++;
      }
      int t = j - i;
      tieSum += (double) t * t * t - t;
      Arrays.fill(twiceRanks, i, j, i + 1 + j); // ranks i+1..j, mid-rank (i+1+j)/2
      i = j;
    }
    if (n1 <= EXACT_MAX_N && n2 <= EXACT_MAX_N) {
      // U = R1 - n1(n1+1)/2, so twice R1 follows from U: no ranks of x needed.
      int twiceR1 = (int) Math.round(2 * u) + n1 * (n1 + 1);
      return new MannWhitneyU(u, exactP(twiceR1, twiceRanks, n1), true, n1, n2);
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

  /**
   * Two-sided exact p: twice the smaller tail of the first sample's rank sum over all ways to pick
   * {@code n1} of the pooled ranks, at most 1.
   *
   * @param twiceR1 twice the observed rank sum of the first sample
   * @param twiceRanks twice the (mid-)rank of every pooled value
   */
  static double exactP(int twiceR1, int[] twiceRanks, int n1) {
    double[] counts = rankSumCounts(twiceRanks, n1);
    double total = 0;
    double lower = 0;
    double upper = 0;
    for (int s = 0; s < counts.length; s++) {
      total += counts[s];
      lower += s <= twiceR1 ? counts[s] : 0;
      upper += s >= twiceR1 ? counts[s] : 0;
    }
    return Math.min(1.0, 2 * Math.min(lower, upper) / total);
  }

  /**
   * counts[s] = number of ways to pick {@code n1} of the values whose doubled ranks sum to s, by
   * the knapsack recursion over the values (each one either picked or not).
   */
  static double[] rankSumCounts(int[] twiceRanks, int n1) {
    int max = Arrays.stream(twiceRanks).sum();
    double[][] ways = new double[n1 + 1][max + 1];
    ways[0][0] = 1;
    for (int r : twiceRanks) {
      for (int k = n1; k >= 1; k--) {
        for (int s = max; s >= r; s--) {
          ways[k][s] += ways[k - 1][s - r];
        }
      }
    }
    return ways[n1];
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
