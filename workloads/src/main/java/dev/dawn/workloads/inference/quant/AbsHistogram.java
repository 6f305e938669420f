package dev.dawn.workloads.inference.quant;

/**
 * Histogram of |x| over [0, range) with a fixed number of equal bins, plus whether any negative
 * value was seen. The first batch sets the range to its max |x|; a later larger value doubles the
 * range by merging neighbouring bin pairs (bin count stays fixed), so memory is constant over any
 * amount of calibration data at the cost of at most a factor 2 in resolution.
 */
final class AbsHistogram {
  private final long[] counts;
  private double width;
  private long total;
  private boolean sawNegative;
  private float maxAbs;

  AbsHistogram(int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("histogram needs >= 2 bins, got " + bins);
    }
    counts = new long[bins];
  }

  void add(float[] values) {
    float batchMax = 0f;
    for (float v : values) {
      if (Float.isNaN(v) || Float.isInfinite(v)) {
        throw new IllegalArgumentException("calibration activations must be finite, got " + v);
      }
      batchMax = Math.max(batchMax, Math.abs(v));
      sawNegative |= v < 0;
    }
    maxAbs = Math.max(maxAbs, batchMax);
    if (width == 0 && batchMax > 0) {
      width = batchMax / counts.length;
    }
    if (width == 0) {
      counts[0] += values.length; // all zeros so far
      total += values.length;
      return;
    }
    while (batchMax >= width * counts.length * (1 + 1e-7)) {
      doubleRange();
    }
    for (float v : values) {
      int b = (int) (Math.abs(v) / width);
      counts[Math.min(b, counts.length - 1)]++;
    }
    total += values.length;
  }

  private void doubleRange() {
    int n = counts.length;
    for (int i = 0; i < n / 2; i++) {
      counts[i] = counts[2 * i] + counts[2 * i + 1];
    }
    if (n % 2 == 1) {
      counts[n / 2] = counts[n - 1];
    }
    for (int i = (n + 1) / 2; i < n; i++) {
      counts[i] = 0;
    }
    width *= 2;
  }

  long[] counts() {
    return counts.clone();
  }

  double binWidth() {
    return width;
  }

  long total() {
    return total;
  }

  float maxAbs() {
    return maxAbs;
  }

  boolean sawNegative() {
    return sawNegative;
  }

  /** The range to report for a clip value: [0, amax] for non-negative data, else symmetric. */
  ActivationRange rangeFor(float amax) {
    if (total == 0) {
      throw new IllegalStateException("calibrator has observed no values");
    }
    return new ActivationRange(sawNegative ? -amax : 0f, amax);
  }
}
