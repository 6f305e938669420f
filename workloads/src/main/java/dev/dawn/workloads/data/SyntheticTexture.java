package dev.dawn.workloads.data;

/**
 * Surface patterns painted inside the object. {@link #mix} returns how much of the second
 * foreground colour a point gets (0 = first colour, 1 = second). Periods are at least 5.5 px at
 * 40-px storage so they stay >= 4 px after the 40 -> 32 px crop.
 */
public enum SyntheticTexture {
  SOLID("solid") {
    @Override
    double mix(Params p, double x, double y) {
      return 0.0;
    }
  },
  HORIZONTAL_STRIPES("horizontally striped") {
    @Override
    double mix(Params p, double x, double y) {
      return parity(p.along(x, y, false) / (p.period() / 2));
    }
  },
  VERTICAL_STRIPES("vertically striped") {
    @Override
    double mix(Params p, double x, double y) {
      return parity(p.along(x, y, true) / (p.period() / 2));
    }
  },
  DIAGONAL_STRIPES("diagonally striped") {
    @Override
    double mix(Params p, double x, double y) {
      double d = (p.along(x, y, true) + p.along(x, y, false)) * Math.sqrt(0.5);
      return parity(d / (p.period() / 2));
    }
  },
  CHECKER("checkered") {
    @Override
    double mix(Params p, double x, double y) {
      double cell = p.period() * 0.6;
      return parity(
          Math.floor(p.along(x, y, true) / cell) + Math.floor(p.along(x, y, false) / cell));
    }
  },
  DOTS("dotted") {
    @Override
    double mix(Params p, double x, double y) {
      double period = p.period() * 1.1;
      double a = frac(p.along(x, y, true) / period) - 0.5;
      double b = frac(p.along(x, y, false) / period) - 0.5;
      return a * a + b * b <= 0.32 * 0.32 ? 0.0 : 1.0;
    }
  },
  GRID("gridded") {
    @Override
    double mix(Params p, double x, double y) {
      double period = p.period() * 1.1;
      boolean line =
          frac(p.along(x, y, true) / period) < 0.3 || frac(p.along(x, y, false) / period) < 0.3;
      return line ? 1.0 : 0.0;
    }
  },
  CONCENTRIC_RINGS("ringed") {
    @Override
    double mix(Params p, double x, double y) {
      double r = Math.hypot(x - p.centreX(), y - p.centreY());
      return parity(r / (p.period() / 2));
    }
  },
  SPECKLE("speckled") {
    @Override
    double mix(Params p, double x, double y) {
      // Hash of the 2-px block so the speckle is part of the image's deterministic content.
      long bx = (long) Math.floor(x / p.speckleBlock());
      long by = (long) Math.floor(y / p.speckleBlock());
      long h = SeedMixer.mix(p.noiseSeed() + bx * 0x9E3779B97F4A7C15L + by * 0xC2B2AE3D27D4EB4FL);
      return (h & 1) == 0 ? 0.0 : 1.0;
    }
  },
  GRADIENT("shaded") {
    @Override
    double mix(Params p, double x, double y) {
      double t =
          ((x - p.centreX()) * p.gradientCos() + (y - p.centreY()) * p.gradientSin())
                  / (2 * p.radius())
              + 0.5;
      return Math.max(0.0, Math.min(1.0, t));
    }
  };

  private final String adjective;

  SyntheticTexture(String adjective) {
    this.adjective = adjective;
  }

  public String adjective() {
    return adjective;
  }

  abstract double mix(Params p, double x, double y);

  private static double parity(double t) {
    return (((long) Math.floor(t)) & 1L) == 0 ? 0.0 : 1.0;
  }

  private static double frac(double t) {
    return t - Math.floor(t);
  }

  /**
   * Per-image texture placement: period and phase in pixels, a small orientation jitter (kept small
   * so horizontal, vertical and diagonal stripes stay distinct classes), the object's centre and
   * radius for radial textures.
   */
  record Params(
      double period,
      double phaseX,
      double phaseY,
      double jitterCos,
      double jitterSin,
      double centreX,
      double centreY,
      double radius,
      double gradientCos,
      double gradientSin,
      double speckleBlock,
      long noiseSeed) {

    /** Coordinate along the jittered x axis (true) or y axis (false), phase included. */
    double along(double x, double y, boolean xAxis) {
      return xAxis
          ? x * jitterCos + y * jitterSin + phaseX
          : -x * jitterSin + y * jitterCos + phaseY;
    }
  }
}
