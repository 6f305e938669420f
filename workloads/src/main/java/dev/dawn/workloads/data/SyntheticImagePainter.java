package dev.dawn.workloads.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/**
 * Paints one synthetic image: a textured object at random position, scale (45-85% of the side for
 * {@link SyntheticPreset#STANDARD}) and rotation over a cluttered, shaded background, plus pixel
 * noise; the {@link SyntheticPreset} sets the scale, contrast, clutter, noise, distractor objects
 * and occluding bars. Colours come from one palette shared by every class, so colour says nothing
 * about the class; only shape and texture do. The standard preset draws no random numbers for
 * distractors or occluders, so its images stay byte-identical to the original set.
 */
final class SyntheticImagePainter {
  private static final int[][] PALETTE = {
    {220, 40, 40}, {40, 170, 60}, {40, 80, 210}, {235, 200, 40}, {150, 60, 190}, {40, 190, 200},
    {240, 130, 30}, {245, 245, 245}, {25, 25, 25}, {130, 130, 130}, {240, 120, 180}, {120, 80, 40}
  };
  private static final double MIN_COLOUR_DISTANCE = 110.0;
  private static final double MAX_ROTATION = Math.toRadians(15);
  private static final double MAX_TEXTURE_JITTER = Math.toRadians(8);

  /** Distractor diameter relative to the main object's: small enough to stay the lesser object. */
  private static final double DISTRACTOR_MIN = 0.45;

  private static final double DISTRACTOR_RANGE = 0.2;
  private static final double OCCLUDER_ALPHA = 0.85;

  private SyntheticImagePainter() {}

  static BufferedImage paint(SyntheticClass cls, int size, SplittableRandom rng) {
    return paint(cls, size, SyntheticPreset.STANDARD, rng);
  }

  static BufferedImage paint(
      SyntheticClass cls, int size, SyntheticPreset preset, SplittableRandom rng) {
    int[] colours = pickColours(rng);
    int[] bg = PALETTE[colours[0]];
    int[] fgA = PALETTE[colours[1]];
    int[] fgB = PALETTE[colours[2]];

    float[] canvas = background(size, bg, preset.clutterAlpha, rng);

    double diameter = size * (preset.minScale + preset.scaleRange * rng.nextDouble());
    TexturedObject main = TexturedObject.place(cls.shape(), cls.texture(), size, diameter, rng);
    for (int i = 0; i < preset.distractors; i++) {
      SyntheticClass other = SyntheticClass.of(rng.nextInt(SyntheticClass.MAX_CLASSES));
      int[] c = pickColours(rng);
      double d = diameter * (DISTRACTOR_MIN + DISTRACTOR_RANGE * rng.nextDouble());
      TexturedObject.place(other.shape(), other.texture(), size, d, rng)
          .draw(canvas, size, PALETTE[c[1]], PALETTE[c[2]], preset.textureContrast);
    }
    main.draw(canvas, size, fgA, fgB, preset.textureContrast);
    for (int i = 0; i < preset.occluders; i++) {
      occlude(canvas, size, main, rng);
    }
    return toImage(canvas, size, preset.noiseSigma, rng);
  }

  /**
   * A bar of a random palette colour across the object's disc, so part of the shape and texture is
   * hidden.
   */
  private static void occlude(
      float[] canvas, int size, TexturedObject object, SplittableRandom rng) {
    int[] colour = PALETTE[rng.nextInt(PALETTE.length)];
    double angle = rng.nextDouble() * Math.PI;
    double offset = (rng.nextDouble() * 2 - 1) * object.radius * 0.8;
    double halfWidth = (0.6 + 0.8 * rng.nextDouble()) * size / 40.0;
    double nx = -Math.sin(angle);
    double ny = Math.cos(angle);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = x + 0.5 - object.cx;
        double dy = y + 0.5 - object.cy;
        if (Math.abs(dx * nx + dy * ny - offset) <= halfWidth
            && dx * dx + dy * dy <= sq(object.radius * 1.1)) {
          blend(canvas, (y * size + x) * 3, colour, OCCLUDER_ALPHA);
        }
      }
    }
  }

  /** A shape with its texture placed at a random position and rotation. */
  private record TexturedObject(
      SyntheticShape shape,
      SyntheticTexture pattern,
      SyntheticTexture.Params texture,
      double cx,
      double cy,
      double radius,
      double cos,
      double sin) {

    static TexturedObject place(
        SyntheticShape shape,
        SyntheticTexture pattern,
        int size,
        double diameter,
        SplittableRandom rng) {
      double unit = size / 40.0;
      double radius = diameter / 2;
      double cx = radius + rng.nextDouble() * (size - diameter);
      double cy = radius + rng.nextDouble() * (size - diameter);
      double rotation = (rng.nextDouble() * 2 - 1) * MAX_ROTATION;
      double cos = Math.cos(rotation);
      double sin = Math.sin(rotation);
      double jitter = (rng.nextDouble() * 2 - 1) * MAX_TEXTURE_JITTER;
      double gradientAngle = rng.nextDouble() * 2 * Math.PI;
      double period = unit * (5.5 + 2.0 * rng.nextDouble());
      SyntheticTexture.Params texture =
          new SyntheticTexture.Params(
              period,
              rng.nextDouble() * period,
              rng.nextDouble() * period,
              Math.cos(jitter),
              Math.sin(jitter),
              cx,
              cy,
              radius,
              Math.cos(gradientAngle),
              Math.sin(gradientAngle),
              Math.max(1.0, 2.0 * unit),
              rng.nextLong());
      return new TexturedObject(shape, pattern, texture, cx, cy, radius, cos, sin);
    }

    /** 2x2 supersampling so edges and texture boundaries are anti-aliased like a photograph's. */
    void draw(float[] canvas, int size, int[] fgA, int[] fgB, double contrast) {
      int yMin = Math.max(0, (int) Math.floor(cy - radius * 1.5));
      int yMax = Math.min(size - 1, (int) Math.ceil(cy + radius * 1.5));
      int xMin = Math.max(0, (int) Math.floor(cx - radius * 1.5));
      int xMax = Math.min(size - 1, (int) Math.ceil(cx + radius * 1.5));
      for (int y = yMin; y <= yMax; y++) {
        for (int x = xMin; x <= xMax; x++) {
          double r = 0;
          double g = 0;
          double b = 0;
          int covered = 0;
          for (int s = 0; s < 4; s++) {
            double px = x + 0.25 + 0.5 * (s & 1);
            double py = y + 0.25 + 0.5 * (s >> 1);
            double dx = (px - cx) / radius;
            double dy = (py - cy) / radius;
            double u = dx * cos + dy * sin;
            double v = -dx * sin + dy * cos;
            if (shape.contains(u, v)) {
              double m = pattern.mix(texture, px, py) * contrast;
              r += fgA[0] + (fgB[0] - fgA[0]) * m;
              g += fgA[1] + (fgB[1] - fgA[1]) * m;
              b += fgA[2] + (fgB[2] - fgA[2]) * m;
              covered++;
            }
          }
          if (covered > 0) {
            int o = (y * size + x) * 3;
            double keep = (4 - covered) / 4.0;
            canvas[o] = (float) (canvas[o] * keep + r / 4);
            canvas[o + 1] = (float) (canvas[o + 1] * keep + g / 4);
            canvas[o + 2] = (float) (canvas[o + 2] * keep + b / 4);
          }
        }
      }
    }
  }

  private static int[] pickColours(SplittableRandom rng) {
    while (true) {
      int bg = rng.nextInt(PALETTE.length);
      int a = rng.nextInt(PALETTE.length);
      int b = rng.nextInt(PALETTE.length);
      if (distance(bg, a) >= MIN_COLOUR_DISTANCE
          && distance(bg, b) >= MIN_COLOUR_DISTANCE
          && distance(a, b) >= MIN_COLOUR_DISTANCE) {
        return new int[] {bg, a, b};
      }
    }
  }

  private static double distance(int i, int j) {
    int[] p = PALETTE[i];
    int[] q = PALETTE[j];
    return Math.sqrt(sq(p[0] - q[0]) + sq(p[1] - q[1]) + sq(p[2] - q[2]));
  }

  private static double sq(double v) {
    return v * v;
  }

  /** Shaded background with faint random lines and blobs, RGB floats row-major. */
  private static float[] background(int size, int[] bg, double clutterAlpha, SplittableRandom rng) {
    float[] canvas = new float[size * size * 3];
    double shadeAngle = rng.nextDouble() * 2 * Math.PI;
    double shadeAmount = 25 * rng.nextDouble();
    double sc = Math.cos(shadeAngle) / size;
    double ss = Math.sin(shadeAngle) / size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double shade = shadeAmount * ((x - size / 2.0) * sc + (y - size / 2.0) * ss) * 2;
        int o = (y * size + x) * 3;
        for (int c = 0; c < 3; c++) {
          canvas[o + c] = (float) (bg[c] + shade);
        }
      }
    }
    int lines = 2 + rng.nextInt(4);
    for (int i = 0; i < lines; i++) {
      int[] colour = PALETTE[rng.nextInt(PALETTE.length)];
      double x0 = rng.nextDouble() * size;
      double y0 = rng.nextDouble() * size;
      double x1 = rng.nextDouble() * size;
      double y1 = rng.nextDouble() * size;
      double halfWidth = (0.5 + rng.nextDouble()) * size / 40.0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (segmentDistance(x + 0.5, y + 0.5, x0, y0, x1, y1) <= halfWidth) {
            blend(canvas, (y * size + x) * 3, colour, clutterAlpha);
          }
        }
      }
    }
    int blobs = 2 + rng.nextInt(3);
    for (int i = 0; i < blobs; i++) {
      int[] colour = PALETTE[rng.nextInt(PALETTE.length)];
      double bx = rng.nextDouble() * size;
      double by = rng.nextDouble() * size;
      double r = (2 + 5 * rng.nextDouble()) * size / 40.0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (sq(x + 0.5 - bx) + sq(y + 0.5 - by) <= r * r) {
            blend(canvas, (y * size + x) * 3, colour, clutterAlpha);
          }
        }
      }
    }
    return canvas;
  }

  private static double segmentDistance(
      double px, double py, double x0, double y0, double x1, double y1) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
    return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
  }

  private static void blend(float[] canvas, int o, int[] colour, double alpha) {
    for (int c = 0; c < 3; c++) {
      canvas[o + c] = (float) (canvas[o + c] * (1 - alpha) + colour[c] * alpha);
    }
  }

  private static BufferedImage toImage(
      float[] canvas, int size, double noiseSigma, SplittableRandom rng) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int p = 0; p < size * size; p++) {
      for (int c = 0; c < 3; c++) {
        double value = canvas[p * 3 + c] + gaussian(rng) * noiseSigma;
        int v = (int) Math.round(Math.max(0, Math.min(255, value)));
        bgr[p * 3 + (2 - c)] = (byte) v;
      }
    }
    return image;
  }

  /** Box-Muller from the image's own RNG (SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
