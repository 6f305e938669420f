package dev.dawn.workloads.data;

import java.util.SplittableRandom;

/**
 * A region of the source image, in source pixels (fractional), that is resampled to the output
 * square.
 */
public record CropWindow(double x, double y, double width, double height, boolean flip) {

  /**
   * torchvision's RandomResizedCrop: up to 10 tries of a random area share and log-uniform aspect
   * that fit, else the centre crop clamped to the aspect range.
   */
  static CropWindow randomResized(int w, int h, PipelineOptions o, SplittableRandom rng) {
    double area = (double) w * h;
    double logMin = Math.log(o.minAspect());
    double logMax = Math.log(o.maxAspect());
    boolean flip = o.horizontalFlip() && rng.nextBoolean();
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * (o.minScale() + (o.maxScale() - o.minScale()) * rng.nextDouble());
      double aspect = Math.exp(logMin + (logMax - logMin) * rng.nextDouble());
      int cw = (int) Math.round(Math.sqrt(target * aspect));
      int ch = (int) Math.round(Math.sqrt(target / aspect));
      if (cw > 0 && ch > 0 && cw <= w && ch <= h) {
        int x = rng.nextInt(w - cw + 1);
        int y = rng.nextInt(h - ch + 1);
        return new CropWindow(x, y, cw, ch, flip);
      }
    }
    double ratio = (double) w / h;
    double cw = w;
    double ch = h;
    if (ratio < o.minAspect()) {
      ch = Math.round(w / o.minAspect());
    } else if (ratio > o.maxAspect()) {
      cw = Math.round(h * o.maxAspect());
    }
    return new CropWindow((w - cw) / 2, (h - ch) / 2, cw, ch, flip);
  }

  /**
   * Evaluation view: resize the shorter side to round(resolution / fraction), then take the centre
   * resolution x resolution square; expressed directly as the source square it covers so only one
   * resampling runs.
   */
  static CropWindow center(int w, int h, int resolution, double fraction) {
    double resized = Math.round(resolution / fraction);
    double side = resolution * Math.min(w, h) / resized;
    return new CropWindow((w - side) / 2, (h - side) / 2, side, side, false);
  }
}
