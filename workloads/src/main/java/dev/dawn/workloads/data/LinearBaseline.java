package dev.dawn.workloads.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression (softmax, Adam, light L2) on raw normalised pixels of the centre
 * crop. It is the "simple statistics" control for a data set: if a linear model already reaches the
 * target accuracy, the data set does not measure what a CNN benchmark should.
 *
 * <p>Run it with {@code bin/dawn baseline} ({@code BaselineCommand} in the harness).
 */
public final class LinearBaseline {
  /**
   * Accuracy on the validation split (and the training split, to show the model is not simply
   * undertrained).
   */
  public record Result(
      int classes,
      int trainImages,
      int valImages,
      int epochs,
      double trainTop1,
      double trainTop5,
      double valTop1,
      double valTop5) {}

  private record Matrix(float[] x, int[] y, int n, int d) {}

  private final int resolution;
  private final int epochs;
  private final double learningRate;
  private final double l2;
  private final long seed;

  public LinearBaseline(int resolution, int epochs, double learningRate, double l2, long seed) {
    this.resolution = resolution;
    this.epochs = epochs;
    this.learningRate = learningRate;
    this.l2 = l2;
    this.seed = seed;
  }

  public Result run(ImageDataset dataset) {
    Matrix train = features(dataset.train());
    Matrix val = features(dataset.validation());
    int k = dataset.classNames().size();
    int d = train.d();
    float[] w = new float[k * (d + 1)]; // row j: d weights then the bias
    float[] m = new float[w.length];
    float[] v = new float[w.length];
    int batch = 128;
    int step = 0;
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = IntStream.range(0, train.n()).toArray();
    for (int e = 0; e < epochs; e++) {
      for (int i = train.n() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int from = 0; from < train.n(); from += batch) {
        int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(train.n(), from + batch));
        float[] grad = gradient(w, train, rows, k);
        step++;
        adam(w, grad, m, v, step);
      }
    }
    double[] trainAcc = accuracy(w, train, k);
    double[] valAcc = accuracy(w, val, k);
    return new Result(
        k, train.n(), val.n(), epochs, trainAcc[0], trainAcc[1], valAcc[0], valAcc[1]);
  }

  private Matrix features(List<ImageSource> images) {
    PipelineOptions options =
        PipelineOptions.defaults().withWorkers(2, 4).withCache(PipelineOptions.CacheMode.OFF, 0);
    int d = resolution * resolution * 3;
    try (InputPipeline pipeline = new InputPipeline(images, options);
        BatchStream stream = pipeline.evaluation(resolution, 256)) {
      float[] x = new float[images.size() * d];
      int[] y = new int[images.size()];
      int n = 0;
      while (stream.hasNext()) {
        Batch b = stream.next();
        System.arraycopy(b.pixels(), 0, x, n * d, b.size() * d);
        System.arraycopy(b.labels(), 0, y, n, b.size());
        n += b.size();
      }
      return new Matrix(x, y, n, d);
    }
  }

  private static float[] logits(float[] w, Matrix data, int row, int k) {
    int d = data.d();
    float[] z = new float[k];
    int xo = row * d;
    for (int j = 0; j < k; j++) {
      int wo = j * (d + 1);
      float s = w[wo + d];
      for (int i = 0; i < d; i++) {
        s += w[wo + i] * data.x()[xo + i];
      }
      z[j] = s;
    }
    return z;
  }

  private float[] gradient(float[] w, Matrix data, int[] rows, int k) {
    int d = data.d();
    float[][] delta = new float[rows.length][];
    IntStream.range(0, rows.length)
        .parallel()
        .forEach(
            r -> {
              float[] z = logits(w, data, rows[r], k);
              float max = Float.NEGATIVE_INFINITY;
              for (float f : z) {
                max = Math.max(max, f);
              }
              double sum = 0;
              for (int j = 0; j < k; j++) {
                z[j] = (float) Math.exp(z[j] - max);
                sum += z[j];
              }
              for (int j = 0; j < k; j++) {
                z[j] = (float) (z[j] / sum) / rows.length;
              }
              z[data.y()[rows[r]]] -= 1f / rows.length;
              delta[r] = z;
            });
    float[] grad = new float[w.length];
    IntStream.range(0, k)
        .parallel()
        .forEach(
            j -> {
              int wo = j * (d + 1);
              for (int r = 0; r < rows.length; r++) {
                float g = delta[r][j];
                int xo = rows[r] * d;
                for (int i = 0; i < d; i++) {
                  grad[wo + i] += g * data.x()[xo + i];
                }
                grad[wo + d] += g;
              }
              for (int i = 0; i < d; i++) {
                grad[wo + i] += (float) (l2 * w[wo + i]);
              }
            });
    return grad;
  }

  private void adam(float[] w, float[] g, float[] m, float[] v, int step) {
    double b1 = 0.9;
    double b2 = 0.999;
    double c1 = 1 - Math.pow(b1, step);
    double c2 = 1 - Math.pow(b2, step);
    for (int i = 0; i < w.length; i++) {
      m[i] = (float) (b1 * m[i] + (1 - b1) * g[i]);
      v[i] = (float) (b2 * v[i] + (1 - b2) * g[i] * g[i]);
      w[i] -= (float) (learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
    }
  }

  /** {top-1, top-5} on a split. */
  private static double[] accuracy(float[] w, Matrix data, int k) {
    int[] hits =
        IntStream.range(0, data.n())
            .parallel()
            .map(
                r -> {
                  float[] z = logits(w, data, r, k);
                  float truth = z[data.y()[r]];
                  int higher = 0;
                  for (float f : z) {
                    if (f > truth) {
                      higher++;
                    }
                  }
                  return higher == 0
                      ? 2
                      : higher < 5 ? 1 : 0; // 2: top-1 (and top-5), 1: top-5 only
                })
            .toArray();
    long top1 = IntStream.of(hits).filter(h -> h == 2).count();
    long top5 = IntStream.of(hits).filter(h -> h >= 1).count();
    return new double[] {(double) top1 / data.n(), (double) top5 / data.n()};
  }
}
