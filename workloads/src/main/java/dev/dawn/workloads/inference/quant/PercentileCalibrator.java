package dev.dawn.workloads.inference.quant;

/**
 * Clips |x| at its p-th percentile (pytorch-quantization {@code method="percentile"}; 99.99 % is
 * the value NVIDIA reports for ResNet-50). The percentile is read from a 2048-bin histogram of |x|
 * and returned as the upper edge of the bin where the cumulative count first reaches {@code p *
 * total}, so it is accurate to one bin width.
 */
public final class PercentileCalibrator extends HistogramCalibrator {
  public static final int BINS = HistogramCalibrator.BINS;

  private final double percentile;

  /**
   * @param percentile in (0, 100], e.g. 99.99
   */
  public PercentileCalibrator(double percentile) {
    super("percentile");
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
    }
    this.percentile = percentile;
  }

  /**
   * The upper edge of the bin where the cumulative count first reaches {@code percentile} of all
   * values.
   */
  @Override
  double clipInBins(long[] counts, long total) {
    double target = percentile / 100.0 * total;
    long cumulative = 0;
    for (int i = 0; i < counts.length; i++) {
      cumulative += counts[i];
      if (cumulative >= target) {
        return i + 1;
      }
    }
    return counts.length;
  }
}
