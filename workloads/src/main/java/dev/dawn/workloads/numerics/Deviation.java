package dev.dawn.workloads.numerics;

/**
 * How far what a kernel returned lies from the exact value, judged element by element against its
 * bound: {@code ratio} is the largest {@code |actual - exact| / bound}, so 1 is the limit of a
 * correct kernel. A NaN or infinite output is an infinite ratio.
 *
 * @param where the layer or op checked
 * @param maxError the error at the worst element (largest ratio)
 * @param bound the bound at that element
 * @param exact the exact value at that element
 */
public record Deviation(String where, double maxError, double bound, double exact, double ratio) {
  /** The limit of a correct kernel. */
  public static final double LIMIT = 1.0;

  public boolean withinBound() {
    return ratio <= LIMIT;
  }

  public static Deviation of(String where, float[] actual, Expected expected) {
    double[] want = expected.value().v();
    if (actual.length != want.length) {
      throw new IllegalArgumentException(
          where + ": kernel returned " + actual.length + " values, expected " + want.length);
    }
    double worstRatio = 0;
    int worst = 0;
    for (int i = 0; i < want.length; i++) {
      double err = Math.abs(actual[i] - want[i]);
      double ratio;
      if (!Float.isFinite(actual[i])) {
        ratio = Double.POSITIVE_INFINITY;
      } else if (err == 0) {
        ratio = 0;
      } else {
        ratio = err / Math.max(expected.bound()[i], Double.MIN_NORMAL);
      }
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = i;
      }
    }
    return new Deviation(
        where,
        Math.abs(actual[worst] - want[worst]),
        expected.bound()[worst],
        want[worst],
        worstRatio);
  }

  /** The worse of two. */
  public Deviation worse(Deviation other) {
    return other.ratio > ratio ? other : this;
  }
}
