package dev.dawn.workloads.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Session.Runner;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class GradientAccumulatorTest {

  private static final int IN = 4;
  private static final int OUT = 2;
  private static final int BATCH = 32;
  private static final int MICRO = 8;

  /** A linear model y = x·W + b with a mean squared-error loss; no batch-dependent layers. */
  private static final class LinearModel implements AutoCloseable {
    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    final Placeholder<TFloat32> x =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, IN)));
    final Placeholder<TFloat32> y =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, OUT)));
    final Placeholder<TFloat32> lr =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    final Placeholder<TFloat32> momentum =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    final Variable<TFloat32> kernel;
    final Variable<TFloat32> bias;
    final List<Parameter> parameters;
    Session session;

    LinearModel() {
      Random random = new Random(7);
      float[][] w = new float[IN][OUT];
      for (float[] row : w) {
        for (int j = 0; j < OUT; j++) {
          row[j] = (float) random.nextGaussian();
        }
      }
      kernel = tf.withName("kernel").variable(tf.withInitScope().constant(w));
      bias = tf.withName("bias").variable(tf.withInitScope().constant(new float[] {0.1f, -0.2f}));
      Operand<TFloat32> prediction = tf.math.add(tf.linalg.matMul(x, kernel), bias);
      Operand<TFloat32> loss =
          tf.math.mean(
              tf.sum(tf.math.square(tf.math.sub(prediction, y)), tf.constant(1)), tf.constant(0));
      Gradients g = tf.gradients(loss, List.of(kernel, bias));
      parameters =
          List.of(
              new Parameter(kernel, g.dy(0), true, "kernel"),
              new Parameter(bias, g.dy(1), false, "bias"));
    }

    void start() {
      session = new Session(graph);
      session.initialize();
    }

    void run(
        Op target,
        float[][] xs,
        float[][] ys,
        int from,
        int count,
        double lrValue,
        double momentumValue) {
      try (TFloat32 xt = batch(xs, from, count, IN);
          TFloat32 yt = batch(ys, from, count, OUT);
          TFloat32 lrT = TFloat32.scalarOf((float) lrValue);
          TFloat32 mT = TFloat32.scalarOf((float) momentumValue)) {
        Runner r =
            session
                .runner()
                .feed(x, xt)
                .feed(y, yt)
                .feed(lr, lrT)
                .feed(momentum, mT)
                .addTarget(target);
        r.run();
      }
    }

    float[] fetch(Operand<TFloat32> variable) {
      try (Result r = session.runner().fetch(variable).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] out = new float[(int) t.size()];
        t.asRawTensor().data().asFloats().read(out);
        return out;
      }
    }

    @Override
    public void close() {
      if (session != null) {
        session.close();
      }
      graph.close();
    }
  }

  private static TFloat32 batch(float[][] rows, int from, int count, int width) {
    float[] flat = new float[count * width];
    for (int i = 0; i < count; i++) {
      System.arraycopy(rows[from + i], 0, flat, i * width, width);
    }
    return TFloat32.tensorOf(Shape.of(count, width), DataBuffers.of(flat, true, false));
  }

  private static float[][] gaussian(Random random, int rows, int cols) {
    float[][] out = new float[rows][cols];
    for (float[] row : out) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return out;
  }

  @Test
  void fourMicroBatchesOfEightEqualOneBatchOfThirtyTwo() {
    Random random = new Random(42);
    float[][][] xs = {gaussian(random, BATCH, IN), gaussian(random, BATCH, IN)};
    float[][][] ys = {gaussian(random, BATCH, OUT), gaussian(random, BATCH, OUT)};
    GraphOptimizer optimizer = new MomentumOptimizer(0.01, true);
    try (LinearModel whole = new LinearModel();
        LinearModel micro = new LinearModel()) {
      Op direct = optimizer.applyGradients(whole.tf, whole.parameters, whole.lr, whole.momentum);
      GradientAccumulator accumulator =
          new GradientAccumulator(micro.tf, micro.parameters, optimizer, micro.lr, micro.momentum);
      whole.start();
      micro.start();
      float[] initial = whole.fetch(whole.kernel);
      for (int step = 0; step < 2; step++) {
        whole.run(direct, xs[step], ys[step], 0, BATCH, 0.1, 0.9);
        for (int m = 0; m < BATCH / MICRO; m++) {
          micro.run(accumulator.accumulate(), xs[step], ys[step], m * MICRO, MICRO, 0.1, 0.9);
        }
        assertThat(micro.fetch(accumulator.microBatches())).containsExactly(4f);
        micro.run(accumulator.applyMean(), xs[step], ys[step], 0, MICRO, 0.1, 0.9);
        assertThat(micro.fetch(accumulator.microBatches())).containsExactly(0f);
        assertCloseArrays(
            micro.fetch(micro.kernel), whole.fetch(whole.kernel), "kernel after step " + step);
        assertCloseArrays(
            micro.fetch(micro.bias), whole.fetch(whole.bias), "bias after step " + step);
      }
      assertThat(whole.fetch(whole.kernel)).isNotEqualTo(initial);
    }
  }

  @Test
  void applyingWithNothingAccumulatedFailsInsteadOfWritingNaN() {
    Random random = new Random(1);
    float[][] xs = gaussian(random, MICRO, IN);
    float[][] ys = gaussian(random, MICRO, OUT);
    try (LinearModel model = new LinearModel()) {
      GradientAccumulator accumulator =
          new GradientAccumulator(
              model.tf,
              model.parameters,
              new MomentumOptimizer(0, false),
              model.lr,
              model.momentum);
      model.start();
      assertThatThrownBy(() -> model.run(accumulator.applyMean(), xs, ys, 0, MICRO, 0.1, 0.9))
          .hasMessageContaining("before any micro-batch was accumulated");
    }
  }

  private static void assertCloseArrays(float[] actual, float[] expected, String what) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i])
          .as("%s[%d]", what, i)
          .isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i]) + 1e-6));
    }
  }
}
