package dev.dawn.workloads.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class LossScaleOptimizerTest {

  /**
   * loss = poison · Σ ½·a·(w − t)² over two weight vectors, trained by momentum SGD (which has
   * velocity slots), optionally through a loss scale optimizer and a gradient accumulator. Feeding
   * poison = +Inf makes every gradient non-finite, as an fp16 overflow would.
   */
  private static final class Problem implements AutoCloseable {
    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    final Placeholder<TFloat32> poison =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    final Placeholder<TFloat32> lr =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    final Placeholder<TFloat32> momentum =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    final List<Variable<TFloat32>> weights = new ArrayList<>();
    final LossScaleOptimizer scaler;
    final GradientAccumulator accumulator;
    final Op step;
    final Session session;

    Problem(LossScaling scaling, boolean accumulate) {
      float[][] initial = {{1f, -2f, 0.5f}, {3f, 0.25f}};
      float[][] curvature = {{1f, 2f, 0.5f}, {0.3f, 1.5f}};
      float[][] target = {{0f, 1f, -1f}, {2f, 0f}};
      Operand<TFloat32> loss = tf.constant(0f);
      for (int i = 0; i < initial.length; i++) {
        Variable<TFloat32> w =
            tf.withName("w" + i).variable(tf.withInitScope().constant(initial[i]));
        weights.add(w);
        Operand<TFloat32> d = tf.math.sub(w, tf.constant(target[i]));
        loss =
            tf.math.add(
                loss,
                tf.sum(
                    tf.math.mul(
                        tf.constant(0.5f),
                        tf.math.mul(tf.constant(curvature[i]), tf.math.square(d))),
                    tf.constant(0)));
      }
      loss = tf.math.mul(loss, poison);
      GraphOptimizer optimizer = new MomentumOptimizer(0.01, false);
      Operand<TFloat32> objective = loss;
      if (scaling != null) {
        scaler = new LossScaleOptimizer(tf, optimizer, scaling);
        optimizer = scaler;
        objective = scaler.scaleLoss(tf, loss);
      } else {
        scaler = null;
      }
      Gradients g = tf.gradients(objective, weights);
      List<Parameter> parameters =
          List.of(
              new Parameter(weights.get(0), g.dy(0), true, "w0"),
              new Parameter(weights.get(1), g.dy(1), false, "w1"));
      if (accumulate) {
        accumulator = new GradientAccumulator(tf, parameters, optimizer, lr, momentum);
        step = accumulator.accumulate();
      } else {
        accumulator = null;
        step = optimizer.applyGradients(tf, parameters, lr, momentum);
      }
      session = new Session(graph);
      session.initialize();
    }

    void run(Op target, float poisonValue) {
      try (TFloat32 p = TFloat32.scalarOf(poisonValue);
          TFloat32 l = TFloat32.scalarOf(0.1f);
          TFloat32 m = TFloat32.scalarOf(0.9f)) {
        session.runner().feed(poison, p).feed(lr, l).feed(momentum, m).addTarget(target).run();
      }
    }

    void step(float poisonValue) {
      run(step, poisonValue);
    }

    /** Both weights and both velocity slots, flattened. */
    float[] state() {
      List<Float> out = new ArrayList<>();
      List<String> names = new ArrayList<>(List.of("w0", "w1"));
      for (var it = graph.operations(); it.hasNext(); ) {
        var op = it.next();
        if (op.type().equals("VariableV2") && op.name().endsWith("/velocity")) {
          names.add(op.name());
        }
      }
      assertThat(names).hasSize(4);
      java.util.Collections.sort(names);
      for (String name : names) {
        try (Result r = session.runner().fetch(name).run()) {
          TFloat32 t = (TFloat32) r.get(0);
          for (int i = 0; i < t.size(); i++) {
            out.add(t.getFloat(i));
          }
        }
      }
      float[] flat = new float[out.size()];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = out.get(i);
      }
      return flat;
    }

    float scale() {
      try (Result r = session.runner().fetch(scaler.scale()).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }

    long skipped() {
      try (Result r = session.runner().fetch(scaler.skippedUpdates()).run()) {
        return ((TInt64) r.get(0)).getLong();
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  @Test
  void anInfiniteGradientSkipsTheUpdateLeavesWeightsAndSlotsAndHalvesTheScale() {
    try (Problem p = new Problem(LossScaling.dynamic(1024f, 100), false)) {
      p.step(1f);
      float[] before = p.state();
      assertThat(p.scale()).isEqualTo(1024f);
      p.step(Float.POSITIVE_INFINITY);
      assertThat(p.state()).containsExactly(before);
      assertThat(p.scale()).isEqualTo(512f);
      assertThat(p.skipped()).isEqualTo(1);
      p.step(1f);
      assertThat(p.state()).isNotEqualTo(before);
      assertThat(p.skipped()).isEqualTo(1);
    }
  }

  @Test
  void aScaleTooLargeForFloat32OverflowsTheGradientsAndIsHalvedUntilItFits() {
    try (Problem p = new Problem(LossScaling.dynamic(3e38f, 100), false)) {
      float[] before = p.state();
      p.step(1f); // S·grad overflows float32: skipped
      assertThat(p.state()).containsExactly(before);
      assertThat(p.scale()).isEqualTo(1.5e38f);
      // The largest gradient is 6: S = 7.5e37 still overflows, S = 3.75e37 (3e38 / 8) fits and the
      // update runs.
      p.step(1f);
      p.step(1f);
      assertThat(p.skipped()).isEqualTo(3);
      assertThat(p.state()).containsExactly(before);
      p.step(1f);
      assertThat(p.skipped()).isEqualTo(3);
      assertThat(p.scale()).isEqualTo(3e38f / 8);
      assertThat(p.state()).isNotEqualTo(before);
    }
  }

  @Test
  void theScaleNeverDropsBelowOne() {
    try (Problem p = new Problem(LossScaling.dynamic(2f, 100), false)) {
      p.step(Float.NaN);
      p.step(Float.NaN);
      p.step(Float.NaN);
      assertThat(p.scale()).isEqualTo(1f);
      assertThat(p.skipped()).isEqualTo(3);
    }
  }

  @Test
  void theScaleDoublesAfterGrowthIntervalGoodStepsAndTheCountRestartsAfterAnOverflow() {
    try (Problem p = new Problem(LossScaling.dynamic(4f, 3), false)) {
      p.step(1f);
      p.step(1f);
      assertThat(p.scale()).isEqualTo(4f);
      p.step(1f);
      assertThat(p.scale()).isEqualTo(8f);
      p.step(1f);
      p.step(1f);
      p.step(Float.POSITIVE_INFINITY); // resets the count and halves
      assertThat(p.scale()).isEqualTo(4f);
      p.step(1f);
      p.step(1f);
      assertThat(p.scale()).isEqualTo(4f);
      p.step(1f);
      assertThat(p.scale()).isEqualTo(8f);
    }
  }

  @Test
  void fixedAndDynamicScalesGiveTheUnscaledUpdates() {
    try (Problem plain = new Problem(null, false);
        Problem fixed = new Problem(LossScaling.fixed(1000f), false);
        Problem dynamic = new Problem(LossScaling.dynamic(32768f, 2), false)) {
      for (int i = 0; i < 5; i++) {
        plain.step(1f);
        fixed.step(1f);
        dynamic.step(1f);
      }
      assertClose(fixed.state(), plain.state());
      assertClose(dynamic.state(), plain.state());
      assertThat(dynamic.scale()).isEqualTo(32768f * 4); // grew twice
    }
  }

  @Test
  void withAccumulationAnOverflowInOneMicroBatchSkipsTheWholeUpdateAndClearsTheSums() {
    try (Problem plain = new Problem(null, true);
        Problem scaled = new Problem(LossScaling.dynamic(64f, 100), true)) {
      float[] before = scaled.state();
      scaled.step(1f);
      scaled.step(Float.POSITIVE_INFINITY);
      scaled.run(scaled.accumulator.applyMean(), 1f);
      assertThat(scaled.state()).containsExactly(before);
      assertThat(scaled.scale()).isEqualTo(32f);
      assertThat(scaled.skipped()).isEqualTo(1);
      try (Result r = scaled.session.runner().fetch(scaled.accumulator.microBatches()).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat()).isZero();
      }
      // The next window starts clean and matches unscaled accumulation.
      for (int window = 0; window < 2; window++) {
        for (Problem p : List.of(plain, scaled)) {
          p.step(1f);
          p.step(1f);
          p.run(p.accumulator.applyMean(), 1f);
        }
      }
      assertClose(scaled.state(), plain.state());
      assertThat(scaled.skipped()).isEqualTo(1);
    }
  }

  @Test
  void refusesNoScaling() {
    assertThatThrownBy(
            () ->
                new LossScaleOptimizer(
                    Ops.create(new Graph()), new MomentumOptimizer(0, false), LossScaling.NONE))
        .hasMessageContaining("FIXED or DYNAMIC");
  }

  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i])
          .as("element %d", i)
          .isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i]) + 1e-6));
    }
  }
}
