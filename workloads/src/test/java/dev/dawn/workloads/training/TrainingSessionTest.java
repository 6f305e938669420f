package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.types.TFloat32;

class TrainingSessionTest {

  private static TrainingSession tinyResNet9(double labelSmoothing) {
    return TrainingSession.create(
        SessionOptions.of(new ModelSpec("resnet9", 4, 0.125, null, null), new PlainSgd(5e-4f), 7L)
            .withLoss(new LossSettings(labelSmoothing)));
  }

  @Test
  void learnsASeparableTaskAndEvalAccuracyRises() {
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batches.add(SyntheticBatches.separable(32, 16, 4, 100 + i));
    }
    Batch held = SyntheticBatches.separable(64, 16, 4, 999);
    try (TrainingSession session = tinyResNet9(0.0)) {
      EvalCounts before = session.evaluation().evaluate(held);
      float first = session.trainStep(batches.get(0), 0.2f, 0.9f);
      float last = first;
      for (int step = 1; step < 40; step++) {
        last = session.trainStep(batches.get(step % batches.size()), 0.2f, 0.9f);
      }
      EvalCounts after = session.evaluation().evaluate(held);
      assertThat(last).isLessThan(first * 0.5f);
      assertThat(after.count()).isEqualTo(64);
      assertThat(after.top1()).isGreaterThan(0.9).isGreaterThan(before.top1());
      assertThat(after.top5Correct()).isGreaterThanOrEqualTo(after.top1Correct());
      assertThat(after.top5()).isEqualTo(1.0); // 4 classes: top-k is capped at the class count
    }
  }

  @Test
  void oneGraphTrainsAndEvaluatesAtTwoResolutions() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(
                new ModelSpec("resnet18", 5, 0.0625, "D", null), new PlainSgd(0f), 1L))) {
      for (int resolution : new int[] {16, 24, 13}) {
        Batch batch = SyntheticBatches.random(4, resolution, 5, resolution);
        assertThat(session.trainStep(batch, 0.01f, 0.9f)).isFinite();
        assertThat(session.evaluation().evaluate(batch).count()).isEqualTo(4);
      }
    }
  }

  @Test
  void feedsOnlyTheFirstSizeImagesOfAReusedBuffer() {
    Batch full = SyntheticBatches.random(8, 8, 4, 5);
    Batch prefix = new Batch(full.pixels(), full.labels(), 3, 8);
    try (TrainingSession session = tinyResNet9(0.0)) {
      assertThat(session.evaluation().evaluate(prefix).count()).isEqualTo(3);
      assertThat(session.trainStep(prefix, 0.01f, 0f)).isFinite();
    }
  }

  @Test
  void rejectsLabelsOutsideTheClassRange() {
    Batch batch = new Batch(new float[2 * 8 * 8 * 3], new int[] {1, 4}, 2, 8);
    try (TrainingSession session = tinyResNet9(0.0)) {
      assertThatThrownBy(() -> session.trainStep(batch, 0.1f, 0f))
          .hasMessageContaining("label 1 = 4");
    }
  }

  @Test
  void nonFiniteLossIsReturnedNotThrown() {
    Batch batch = SyntheticBatches.random(8, 8, 4, 11);
    try (TrainingSession session = tinyResNet9(0.0)) {
      float loss = 0f;
      for (int i = 0; i < 5 && Float.isFinite(loss); i++) {
        loss = session.trainStep(batch, 1e30f, 0f);
      }
      assertThat(Float.isFinite(loss)).isFalse();
    }
  }

  @Test
  void batchNormMovingStatisticsMoveWithEachTrainStepButNotWithEval() {
    Batch batch = SyntheticBatches.separable(16, 8, 4, 21);
    try (TrainingSession session = tinyResNet9(0.0)) {
      float[] meanBefore = fetch(session, "prep.bn.moving_mean");
      float[] varBefore = fetch(session, "prep.bn.moving_variance");
      assertThat(meanBefore).containsOnly(0f);
      assertThat(varBefore).containsOnly(1f);
      session.evaluation().evaluate(batch);
      assertThat(fetch(session, "prep.bn.moving_mean")).containsExactly(meanBefore);

      session.trainStep(batch, 0f, 0f); // lr 0: the weights stay, only the BN moving averages move
      float[] meanAfter = fetch(session, "prep.bn.moving_mean");
      assertThat(meanAfter).isNotEqualTo(meanBefore);
      assertThat(fetch(session, "prep.bn.moving_variance")).isNotEqualTo(varBefore);
      for (int i = 0; i < 30; i++) {
        session.trainStep(batch, 0f, 0f);
      }
      // Same batch every step, decay 0.9: after 31 steps the moving mean is (1 - 0.9^31) of the
      // batch mean, and the first step moved it by 0.1 of the batch mean.
      float[] meanLate = fetch(session, "prep.bn.moving_mean");
      for (int c = 0; c < meanLate.length; c++) {
        assertThat(meanLate[c])
            .isCloseTo(
                meanAfter[c] / 0.1f * (1f - (float) Math.pow(0.9, 31)),
                Offset.offset(1e-3f + 1e-3f * Math.abs(meanLate[c])));
      }
    }
  }

  @Test
  void evaluationNormalisesWithTheMovingStatistics() {
    List<Batch> batches =
        List.of(SyntheticBatches.separable(32, 8, 4, 31), SyntheticBatches.separable(32, 8, 4, 32));
    Batch held = SyntheticBatches.separable(64, 8, 4, 33);
    try (TrainingSession session = tinyResNet9(0.0)) {
      for (int step = 0; step < 40; step++) {
        session.trainStep(batches.get(step % 2), 0.2f, 0.9f);
      }
      assertThat(session.evaluation().evaluate(held).top1()).isGreaterThan(0.9);
      // Huge moving variances flatten every BN output to its beta: eval predictions stop depending
      // on the image,
      // which only happens if the eval pass reads the moving statistics.
      Graph graph = session.graph();
      Ops tf = Ops.create(graph);
      List<Op> sabotage = new ArrayList<>();
      graph
          .operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("VariableV2") && op.name().endsWith("moving_variance")) {
                  Output<TFloat32> variable = op.output(0);
                  sabotage.add(
                      tf.assign(variable, tf.math.mul(tf.onesLike(variable), tf.constant(1e12f))));
                }
              });
      assertThat(sabotage).hasSize(8);
      Session.Runner runner = session.session().runner();
      sabotage.forEach(runner::addTarget);
      runner.run().close();
      assertThat(session.evaluation().evaluate(held).top1()).isLessThan(0.6);
    }
  }

  @Test
  void onlyKernelsAreDecayedUnlessBnAndBiasDecayIsRequested() {
    ModelSpec spec = new ModelSpec("resnet18", 3, 0.0625, "D", null);
    for (boolean decayAll : new boolean[] {false, true}) {
      RecordingOptimizer recorder = new RecordingOptimizer();
      try (TrainingSession session =
          TrainingSession.create(
              SessionOptions.of(spec, recorder, 1L).withDecayBnAndBias(decayAll))) {
        // 22 convs (3 deep-stem, 16 in blocks, 3 shortcuts), each with a BN (gamma, beta), plus FC
        // kernel and bias.
        assertThat(recorder.parameters).hasSize(22 * 3 + 2);
        for (GraphOptimizer.Parameter p : recorder.parameters) {
          boolean kernel = p.name().endsWith(".kernel");
          assertThat(p.decayed()).as(p.name()).isEqualTo(decayAll || kernel);
          assertThat(Scope.isValidOpName(p.name())).as(p.name()).isTrue();
          assertThat(p.gradient().shape()).as(p.name()).isEqualTo(p.variable().shape());
        }
        assertThat(recorder.parameters).anyMatch(p -> p.name().endsWith(".bias"));
        assertThat(recorder.parameters).anyMatch(p -> p.name().endsWith(".gamma"));
      }
    }
  }

  /** Records what the session hands to the optimizer and applies plain SGD. */
  private static final class RecordingOptimizer implements GraphOptimizer {
    final List<Parameter> parameters = new ArrayList<>();
    private final PlainSgd sgd = new PlainSgd(0f);

    @Override
    public Op applyGradients(
        Ops tf,
        List<Parameter> params,
        org.tensorflow.Operand<TFloat32> lr,
        org.tensorflow.Operand<TFloat32> momentum) {
      parameters.addAll(params);
      return sgd.applyGradients(tf, params, lr, momentum);
    }

    @Override
    public String name() {
      return "recording";
    }
  }

  private static float[] fetch(TrainingSession session, String variable) {
    try (Result r = session.session().runner().fetch(variable).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] values = new float[(int) t.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = t.getFloat(i);
      }
      return values;
    }
  }
}
