package dev.dawn.workloads.numerics;

/**
 * Activations in double precision, NHWC; a [N, C] matrix is N x 1 x 1 x C.
 *
 * @param v values, channel fastest
 */
public record Nhwc(int n, int h, int w, int c, double[] v) {
  public Nhwc {
    if ((long) n * h * w * c != v.length) {
      throw new IllegalArgumentException(
          "NHWC "
              + n
              + "x"
              + h
              + "x"
              + w
              + "x"
              + c
              + " needs "
              + ((long) n * h * w * c)
              + " values, got "
              + v.length);
    }
  }

  /** From a fetched float tensor of rank 4 (NHWC) or 2 ([N, C]). */
  public static Nhwc of(float[] values, long[] shape) {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i];
    }
    if (shape.length == 2) {
      return new Nhwc((int) shape[0], 1, 1, (int) shape[1], v);
    }
    if (shape.length != 4) {
      throw new IllegalArgumentException("expected a rank 2 or 4 tensor, got rank " + shape.length);
    }
    return new Nhwc((int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3], v);
  }

  public int index(int b, int y, int x, int ch) {
    return ((b * h + y) * w + x) * c + ch;
  }

  public double at(int b, int y, int x, int ch) {
    return v[index(b, y, x, ch)];
  }
}
