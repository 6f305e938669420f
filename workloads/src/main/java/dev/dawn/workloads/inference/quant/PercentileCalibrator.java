package dev.dawn.workloads.inference.quant;

/**
 * Clips |x| at its p-th percentile (pytorch-quantization {@code method="percentile"}; 99.99 % is the value NVIDIA
 * reports for ResNet-50). The percentile is read from a 2048-bin histogram of |x| and returned as the upper edge of the
 * bin where the cumulative count first reaches {@code p * total}, so it is accurate to one bin width.
 */
public final class PercentileCalibrator implements ActivationCalibrator {
  public static final int BINS = 2048;

  private final double percentile;
  private final AbsHistogram histogram = new AbsHistogram(BINS);

  /** @param percentile in (0, 100], e.g. 99.99 */
  public PercentileCalibrator(double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
    }
    this.percentile = percentile;
  }

  @Override
  public void observe(float[] values) {
    histogram.add(values);
  }

  @Override
  public ActivationRange range() {
    if (histogram.total() == 0) {
      throw new IllegalStateException("percentile calibrator has observed no values");
    }
    if (histogram.binWidth() == 0) {
      return histogram.rangeFor(0f);
    }
    long[] counts = histogram.counts();
    double target = percentile / 100.0 * histogram.total();
    long cumulative = 0;
    int bin = counts.length - 1;
    for (int i = 0; i < counts.length; i++) {
      cumulative += counts[i];
      if (cumulative >= target) {
        bin = i;
        break;
      }
    }
    float amax = (float) Math.min((bin + 1) * histogram.binWidth(), histogram.maxAbs());
    return histogram.rangeFor(amax);
  }
}
