package dev.dawn.workloads.data;

/**
 * Crops, resizes (bilinear, half-pixel centres, edge clamp), optionally mirrors and normalises one
 * image straight into a batch's float array. Index and weight tables are computed once per image so
 * the inner loop is arithmetic on primitive arrays only.
 */
final class BilinearResampler {
  private BilinearResampler() {}

  static void resample(
      DecodedImage image,
      CropWindow window,
      int resolution,
      Normalization norm,
      float[] out,
      int outOffset) {
    int w = image.width();
    int h = image.height();
    byte[] rgb = image.rgb();
    int[] x0 = new int[resolution];
    int[] x1 = new int[resolution];
    float[] wx = new float[resolution];
    double sx = window.width() / resolution;
    for (int o = 0; o < resolution; o++) {
      int target = window.flip() ? resolution - 1 - o : o;
      double src = clamp(window.x() + (o + 0.5) * sx - 0.5, w - 1);
      int i = (int) src;
      x0[target] = i * 3;
      x1[target] = Math.min(i + 1, w - 1) * 3;
      wx[target] = (float) (src - i);
    }
    float s0 = norm.scale(0);
    float s1 = norm.scale(1);
    float s2 = norm.scale(2);
    float b0 = norm.offset(0);
    float b1 = norm.offset(1);
    float b2 = norm.offset(2);
    double sy = window.height() / resolution;
    int rowBytes = w * 3;
    int p = outOffset;
    for (int oy = 0; oy < resolution; oy++) {
      double src = clamp(window.y() + (oy + 0.5) * sy - 0.5, h - 1);
      int yi = (int) src;
      int top = yi * rowBytes;
      int bottom = Math.min(yi + 1, h - 1) * rowBytes;
      float wy = (float) (src - yi);
      for (int ox = 0; ox < resolution; ox++) {
        int a = top + x0[ox];
        int b = top + x1[ox];
        int c = bottom + x0[ox];
        int d = bottom + x1[ox];
        float fx = wx[ox];
        out[p++] = lerp2(rgb, a, b, c, d, fx, wy) * s0 + b0;
        out[p++] = lerp2(rgb, a + 1, b + 1, c + 1, d + 1, fx, wy) * s1 + b1;
        out[p++] = lerp2(rgb, a + 2, b + 2, c + 2, d + 2, fx, wy) * s2 + b2;
      }
    }
  }

  private static float lerp2(byte[] px, int a, int b, int c, int d, float fx, float fy) {
    float va = px[a] & 0xFF;
    float vc = px[c] & 0xFF;
    float upper = va + ((px[b] & 0xFF) - va) * fx;
    float lower = vc + ((px[d] & 0xFF) - vc) * fx;
    return upper + (lower - upper) * fy;
  }

  private static double clamp(double v, int max) {
    return v < 0 ? 0 : Math.min(v, max);
  }
}
