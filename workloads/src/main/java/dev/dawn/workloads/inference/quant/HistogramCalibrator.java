package dev.dawn.workloads.inference.quant;

/**
 * A calibrator that clips |x| at a value chosen from a 2048-bin histogram of |x| (percentile,
 * entropy): it collects the histogram and handles the degenerate cases once; subclasses only pick
 * the clip point.
 */
abstract class HistogramCalibrator implements ActivationCalibrator {
  static final int BINS = 2048;

  private final AbsHistogram histogram = new AbsHistogram(BINS);
  private final String method;

  /**
   * @param method named in the error when {@link #range()} is asked before any value was observed
   */
  HistogramCalibrator(String method) {
    this.method = method;
  }

  @Override
  public final void observe(float[] values) {
    histogram.add(values);
  }

  @Override
  public final ActivationRange range() {
    if (histogram.total() == 0) {
      throw new IllegalStateException(method + " calibrator has observed no values");
    }
    if (histogram.binWidth() == 0) {
      return histogram.rangeFor(0f);
    }
    float amax =
        (float)
            Math.min(
                clipInBins(histogram.counts(), histogram.total()) * histogram.binWidth(),
                histogram.maxAbs());
    return histogram.rangeFor(amax);
  }

  /**
   * The clip value in units of bin width (e.g. 3.5 = the middle of the fourth bin), from the bin
   * counts.
   */
  abstract double clipInBins(long[] counts, long total);
}
