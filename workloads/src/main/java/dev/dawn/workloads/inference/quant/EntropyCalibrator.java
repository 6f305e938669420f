package dev.dawn.workloads.inference.quant;

/**
 * TensorRT's entropy calibration (Migacz, "8-bit Inference with TensorRT", GTC 2017): a 2048-bin
 * histogram of |x|; for every candidate clip bin i from 128 to 2048, the reference distribution P
 * is the first i bins with all counts beyond them folded into bin i-1, and Q is those i bins
 * (without the folded tail) merged into 128 levels and expanded back, each level's count spread
 * evenly over its originally non-empty bins. The clip value is the centre of the bin boundary i
 * that minimizes KL(P || Q), i.e. {@code (i + 0.5) * binWidth}. Empty bins are smoothed with a
 * small epsilon (as MXNet's implementation does) so that KL stays finite when P has mass where Q
 * has none.
 */
public final class EntropyCalibrator extends HistogramCalibrator {
  public static final int BINS = HistogramCalibrator.BINS;
  public static final int LEVELS = 128;
  private static final double EPS = 1e-4;

  public EntropyCalibrator() {
    super("entropy");
  }

  /** The centre of the bin boundary whose clipping minimizes KL(P || Q). */
  @Override
  double clipInBins(long[] h, long total) {
    int best = h.length;
    double bestKl = Double.POSITIVE_INFINITY;
    for (int i = LEVELS; i <= h.length; i++) {
      double kl = klForClip(h, i);
      if (kl < bestKl) {
        bestKl = kl;
        best = i;
      }
    }
    return best + 0.5;
  }

  /** KL(P || Q) for clipping after the first {@code i} bins. */
  static double klForClip(long[] h, int i) {
    double[] p = new double[i];
    for (int j = 0; j < i; j++) {
      p[j] = h[j];
    }
    for (int j = i; j < h.length; j++) {
      p[i - 1] += h[j];
    }
    double[] q = new double[i];
    int perLevel = i / LEVELS;
    for (int level = 0; level < LEVELS; level++) {
      int start = level * perLevel;
      int end = level == LEVELS - 1 ? i : start + perLevel; // last level takes the remainder
      double sum = 0;
      int nonEmpty = 0;
      for (int j = start; j < end; j++) {
        sum += h[j];
        if (h[j] != 0) {
          nonEmpty++;
        }
      }
      if (nonEmpty == 0) {
        continue;
      }
      double each = sum / nonEmpty;
      for (int j = start; j < end; j++) {
        if (h[j] != 0) {
          q[j] = each;
        }
      }
    }
    smoothAndNormalize(p);
    smoothAndNormalize(q);
    double kl = 0;
    for (int j = 0; j < i; j++) {
      if (p[j] > 0) {
        kl += p[j] * Math.log(p[j] / q[j]);
      }
    }
    return kl;
  }

  /**
   * On raw counts (as MXNet's {@code _smooth_distribution}): gives each empty bin EPS, taken evenly
   * from the non-empty bins, then normalizes to sum 1.
   */
  private static void smoothAndNormalize(double[] d) {
    int zeros = 0;
    for (double v : d) {
      if (v == 0) {
        zeros++;
      }
    }
    int nonZeros = d.length - zeros;
    if (nonZeros == 0) {
      java.util.Arrays.fill(d, 1.0 / d.length);
      return;
    }
    double take = EPS * zeros / nonZeros;
    double sum = 0;
    for (int j = 0; j < d.length; j++) {
      d[j] = d[j] == 0 ? EPS : Math.max(d[j] - take, EPS);
      sum += d[j];
    }
    for (int j = 0; j < d.length; j++) {
      d[j] /= sum;
    }
  }
}
