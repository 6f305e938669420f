package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.net.Activation;
import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.precision.Precision;

/**
 * The folded layers computed in double precision, as TensorFlow defines them (SAME padding puts the
 * odd pixel after; average pooling leaves padding out of the count), each returning the exact value
 * and the per-element {@link ErrorBound} a kernel computing in {@code p} must stay within. Error
 * already present in an input is carried forward: through a conv as {@code sum |w| * bound_in}
 * (linear), unchanged through ReLU and max pooling (1-Lipschitz), averaged by a mean.
 */
public final class ReferenceLayers {
  /** GELU's slope stays within [-0.17, 1.13]. */
  private static final double GELU_LIPSCHITZ = 1.13;

  private final Precision p;

  public ReferenceLayers(Precision p) {
    this.p = p;
  }

  /** {@code conv(x) + bias}, then ReLU if the layer has one. */
  public Expected conv(Expected in, FoldedConv c) {
    Nhwc x = in.value();
    int oh = outSize(x.h(), c.kh(), c.stride(), c.padding());
    int ow = outSize(x.w(), c.kw(), c.stride(), c.padding());
    int padTop = padBefore(x.h(), oh, c.kh(), c.stride(), c.padding());
    int padLeft = padBefore(x.w(), ow, c.kw(), c.stride(), c.padding());
    double[] v = new double[x.n() * oh * ow * c.out()];
    double[] bound = new double[v.length];
    Nhwc out = new Nhwc(x.n(), oh, ow, c.out(), v);
    float[] k = c.kernel();
    int terms = c.kh() * c.kw() * c.in();
    double[] sum = new double[c.out()];
    double[] abs = new double[c.out()];
    double[] carried = new double[c.out()];
    for (int b = 0; b < x.n(); b++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int o = 0; o < c.out(); o++) {
            sum[o] = c.bias()[o];
            abs[o] = Math.abs(c.bias()[o]);
            carried[o] = 0;
          }
          for (int ky = 0; ky < c.kh(); ky++) {
            int iy = oy * c.stride() + ky - padTop;
            if (iy < 0 || iy >= x.h()) continue;
            for (int kx = 0; kx < c.kw(); kx++) {
              int ix = ox * c.stride() + kx - padLeft;
              if (ix < 0 || ix >= x.w()) continue;
              for (int i = 0; i < c.in(); i++) {
                int xi = x.index(b, iy, ix, i);
                double xv = x.v()[xi];
                double xb = in.bound()[xi];
                int kBase = ((ky * c.kw() + kx) * c.in() + i) * c.out();
                for (int o = 0; o < c.out(); o++) {
                  double w = k[kBase + o];
                  sum[o] += xv * w;
                  abs[o] += Math.abs(xv * w);
                  carried[o] += Math.abs(w) * xb;
                }
              }
            }
          }
          for (int o = 0; o < c.out(); o++) {
            int yi = out.index(b, oy, ox, o);
            v[yi] = c.relu() ? Math.max(0, sum[o]) : sum[o];
            bound[yi] = ErrorBound.linear(abs[o], terms, p) + carried[o];
          }
        }
      }
    }
    return new Expected(out, bound);
  }

  /** Max pooling computes nothing new: the bound is the largest input bound in the window. */
  public Expected maxPool(Expected in, MaxPool pool) {
    return pool(in, pool.size(), pool.stride(), pool.padding(), true);
  }

  public Expected avgPool(Expected in, AvgPool pool) {
    return pool(in, pool.size(), pool.stride(), pool.padding(), false);
  }

  /** {@code relu(a + b)}: the end of a residual block. */
  public Expected addRelu(Expected a, Expected b) {
    double[] x = a.value().v();
    double[] y = b.value().v();
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "residual add of " + x.length + " and " + y.length + " values");
    }
    double[] v = new double[x.length];
    double[] bound = new double[x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(0, x[i] + y[i]);
      bound[i] = a.bound()[i] + b.bound()[i] + ErrorBound.add(Math.abs(x[i]), Math.abs(y[i]), p);
    }
    Nhwc s = a.value();
    return new Expected(new Nhwc(s.n(), s.h(), s.w(), s.c(), v), bound);
  }

  /**
   * ReLU is exact; GELU runs as four ops in the compute dtype (scale, erf, add, multiply), each
   * rounded once, plus erf's own error of a few units in the last place.
   */
  public Expected activation(Expected in, Activation f) {
    double[] x = in.value().v();
    double[] v = new double[x.length];
    double[] bound = new double[x.length];
    double u = p.unitRoundoff();
    for (int i = 0; i < x.length; i++) {
      switch (f) {
        case NONE -> {
          v[i] = x[i];
          bound[i] = in.bound()[i];
        }
        case RELU -> {
          v[i] = Math.max(0, x[i]);
          bound[i] = in.bound()[i];
        }
        case GELU -> {
          v[i] = 0.5 * x[i] * (1 + Erf.erf(x[i] / Math.sqrt(2)));
          bound[i] = GELU_LIPSCHITZ * in.bound()[i] + 4 * u * (Math.abs(x[i]) + Math.abs(v[i]) + 1);
        }
      }
    }
    Nhwc s = in.value();
    return new Expected(new Nhwc(s.n(), s.h(), s.w(), s.c(), v), bound);
  }

  /**
   * Mean over H and W: summed in float32 (the cast from the compute dtype is exact), then rounded
   * back to the compute dtype once.
   */
  public Expected globalAvgPool(Expected in) {
    Nhwc x = in.value();
    int hw = x.h() * x.w();
    double[] v = new double[x.n() * x.c()];
    double[] bound = new double[v.length];
    for (int b = 0; b < x.n(); b++) {
      for (int ch = 0; ch < x.c(); ch++) {
        double sum = 0;
        double abs = 0;
        double carried = 0;
        for (int y = 0; y < x.h(); y++) {
          for (int xx = 0; xx < x.w(); xx++) {
            int i = x.index(b, y, xx, ch);
            sum += x.v()[i];
            abs += Math.abs(x.v()[i]);
            carried += in.bound()[i];
          }
        }
        int o = b * x.c() + ch;
        v[o] = sum / hw;
        bound[o] =
            carried / hw
                + ErrorBound.mean(abs / hw, hw, Precision.FP32, Precision.FP32)
                + p.unitRoundoff() * Math.abs(v[o]);
      }
    }
    return new Expected(new Nhwc(x.n(), 1, 1, x.c(), v), bound);
  }

  /** {@code x W + b} on [N, in]: a product sum like a 1x1 conv. */
  public Expected dense(Expected in, Dense d) {
    Nhwc x = in.value();
    if (x.h() * x.w() * x.c() != d.in()) {
      throw new IllegalArgumentException(
          "dense " + d.name() + " expects " + d.in() + " inputs, got " + x.h() * x.w() * x.c());
    }
    double[] v = new double[x.n() * d.out()];
    double[] bound = new double[v.length];
    for (int b = 0; b < x.n(); b++) {
      for (int o = 0; o < d.out(); o++) {
        double sum = d.bias()[o];
        double abs = Math.abs(d.bias()[o]);
        double carried = 0;
        for (int i = 0; i < d.in(); i++) {
          double xv = x.v()[b * d.in() + i];
          double w = d.weights()[i * d.out() + o];
          sum += xv * w;
          abs += Math.abs(xv * w);
          carried += Math.abs(w) * in.bound()[b * d.in() + i];
        }
        v[b * d.out() + o] = sum;
        bound[b * d.out() + o] = ErrorBound.linear(abs, d.in(), p) + carried;
      }
    }
    return new Expected(new Nhwc(x.n(), 1, 1, d.out(), v), bound);
  }

  private Expected pool(Expected in, int size, int stride, Padding padding, boolean max) {
    Nhwc x = in.value();
    int oh = outSize(x.h(), size, stride, padding);
    int ow = outSize(x.w(), size, stride, padding);
    int padTop = padBefore(x.h(), oh, size, stride, padding);
    int padLeft = padBefore(x.w(), ow, size, stride, padding);
    double[] v = new double[x.n() * oh * ow * x.c()];
    double[] bound = new double[v.length];
    Nhwc out = new Nhwc(x.n(), oh, ow, x.c(), v);
    for (int b = 0; b < x.n(); b++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int ch = 0; ch < x.c(); ch++) {
            double best = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double abs = 0;
            double worst = 0;
            double carried = 0;
            int count = 0;
            for (int ky = 0; ky < size; ky++) {
              int iy = oy * stride + ky - padTop;
              if (iy < 0 || iy >= x.h()) continue;
              for (int kx = 0; kx < size; kx++) {
                int ix = ox * stride + kx - padLeft;
                if (ix < 0 || ix >= x.w()) continue;
                int i = x.index(b, iy, ix, ch);
                best = Math.max(best, x.v()[i]);
                sum += x.v()[i];
                abs += Math.abs(x.v()[i]);
                worst = Math.max(worst, in.bound()[i]);
                carried += in.bound()[i];
                count++;
              }
            }
            int o = out.index(b, oy, ox, ch);
            if (max) {
              v[o] = best;
              bound[o] = worst;
            } else {
              v[o] = sum / count;
              bound[o] = carried / count + ErrorBound.mean(abs / count, count, p, p);
            }
          }
        }
      }
    }
    return new Expected(out, bound);
  }

  /** TF: SAME gives ceil(size / stride), VALID ceil((size - kernel + 1) / stride). */
  static int outSize(int size, int kernel, int stride, Padding padding) {
    int span = padding == Padding.SAME ? size : size - kernel + 1;
    if (span < 1) {
      throw new IllegalArgumentException(
          "a " + kernel + "-wide window does not fit " + size + " pixels without padding");
    }
    return (span + stride - 1) / stride;
  }

  /** TF's SAME padding puts the odd pixel after. */
  static int padBefore(int size, int outSize, int kernel, int stride, Padding padding) {
    if (padding == Padding.VALID) {
      return 0;
    }
    return Math.max((outSize - 1) * stride + kernel - size, 0) / 2;
  }
}
