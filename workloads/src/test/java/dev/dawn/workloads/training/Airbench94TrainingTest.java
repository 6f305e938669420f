package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/**
 * airbench94 goes through the same training path as the ResNets, built only from its description.
 */
class Airbench94TrainingTest {
  @Test
  void hasAirbenchsTwoMillionParameters() {
    try (Graph g = new Graph()) {
      Model model = Model.build(Ops.create(g), ModelSpec.of("airbench94", 10), 1L);
      // whiten 2x2x3x24 + 24 bias; convs 24->64->64, 64->256->256, 256->256->256 with BN shifts
      // (scales fixed at 1);
      // a bias-free 256 -> 10 classifier
      long expected =
          (2 * 2 * 3 * 24 + 24)
              + (9 * 24 * 64 + 64)
              + (9 * 64 * 64 + 64)
              + (9 * 64 * 256 + 256)
              + 3 * (9 * 256 * 256 + 256)
              + 256 * 10;
      assertThat(model.parameterCount()).isEqualTo(expected).isEqualTo(1_971_640);
      assertThat(model.trainables()).noneMatch(w -> w.name().endsWith(".gamma"));
    }
  }

  @Test
  void lossFallsOnASeparableTask() {
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batches.add(SyntheticBatches.separable(32, 16, 4, 200 + i));
    }
    Batch held = SyntheticBatches.separable(64, 16, 4, 998);
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(
                new ModelSpec("airbench94", 4, 0.125, null, null), new PlainSgd(5e-4f), 7L))) {
      EvalCounts before = session.evaluation().evaluate(held);
      float first = session.trainStep(batches.get(0), 0.1f, 0.9f);
      float last = first;
      for (int step = 1; step < 30; step++) {
        last = session.trainStep(batches.get(step % batches.size()), 0.1f, 0.9f);
      }
      EvalCounts after = session.evaluation().evaluate(held);
      System.out.printf(
          "airbench94 x0.125: loss %.3f -> %.3f, held-out top-1 %.2f -> %.2f%n",
          first, last, before.top1(), after.top1());
      // the 1/9 output scale keeps logits small, so the loss falls slowly while accuracy is already
      // high
      assertThat(last).isLessThan(first * 0.9f);
      assertThat(after.top1()).isGreaterThan(0.9).isGreaterThan(before.top1());
    }
  }
}
