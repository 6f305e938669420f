package dev.dawn.workloads.data;

/** Object silhouettes in normalised object coordinates (u, v) in [-1, 1], v pointing down. */
public enum SyntheticShape {
  DISC("disc") {
    @Override
    boolean contains(double u, double v) {
      return u * u + v * v <= 1.0;
    }
  },
  SQUARE("square") {
    @Override
    boolean contains(double u, double v) {
      return Math.abs(u) <= 0.82 && Math.abs(v) <= 0.82;
    }
  },
  TRIANGLE("triangle") {
    @Override
    boolean contains(double u, double v) {
      return TRIANGLE_POLY.contains(u, v);
    }
  },
  CROSS("cross") {
    @Override
    boolean contains(double u, double v) {
      double au = Math.abs(u);
      double av = Math.abs(v);
      return (au <= 0.32 && av <= 0.95) || (av <= 0.32 && au <= 0.95);
    }
  },
  RING("ring") {
    @Override
    boolean contains(double u, double v) {
      double r2 = u * u + v * v;
      return r2 <= 1.0 && r2 >= 0.5 * 0.5;
    }
  },
  STAR("star") {
    @Override
    boolean contains(double u, double v) {
      return STAR_POLY.contains(u, v);
    }
  },
  CRESCENT("crescent") {
    @Override
    boolean contains(double u, double v) {
      double du = u - 0.5;
      double dv = v + 0.15;
      return u * u + v * v <= 1.0 && du * du + dv * dv > 0.78 * 0.78;
    }
  },
  DIAMOND("diamond") {
    @Override
    boolean contains(double u, double v) {
      return Math.abs(u) + Math.abs(v) <= 1.0;
    }
  },
  L_SHAPE("L-shape") {
    @Override
    boolean contains(double u, double v) {
      boolean stem = u >= -0.9 && u <= -0.2 && v >= -0.95 && v <= 0.9;
      boolean foot = u >= -0.9 && u <= 0.9 && v >= 0.2 && v <= 0.9;
      return stem || foot;
    }
  },
  BARS("pair of bars") {
    @Override
    boolean contains(double u, double v) {
      double au = Math.abs(u);
      return au >= 0.22 && au <= 0.9 && Math.abs(v) <= 0.92;
    }
  };

  private static final Polygon TRIANGLE_POLY =
      new Polygon(new double[] {0.0, 0.98, -0.98}, new double[] {-0.98, 0.8, 0.8});
  private static final Polygon STAR_POLY = Polygon.star(5, 1.0, 0.45);

  private final String noun;

  SyntheticShape(String noun) {
    this.noun = noun;
  }

  public String noun() {
    return noun;
  }

  abstract boolean contains(double u, double v);

  /** Even-odd point-in-polygon test; the polygons are tiny so a linear scan is fine. */
  private record Polygon(double[] xs, double[] ys) {
    static Polygon star(int points, double outer, double inner) {
      int n = points * 2;
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        double radius = i % 2 == 0 ? outer : inner;
        double angle = -Math.PI / 2 + Math.PI * i / points;
        xs[i] = radius * Math.cos(angle);
        ys[i] = radius * Math.sin(angle);
      }
      return new Polygon(xs, ys);
    }

    boolean contains(double x, double y) {
      boolean inside = false;
      for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
        if ((ys[i] > y) != (ys[j] > y)
            && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
          inside = !inside;
        }
      }
      return inside;
    }
  }
}
