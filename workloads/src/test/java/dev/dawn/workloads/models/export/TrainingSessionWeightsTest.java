package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.training.TrainingSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionWeightsTest {
  @TempDir Path dir;

  @Test
  void snapshotIncludesMovingStatsAndRestoresIntoAFreshSession() throws Exception {
    ModelSpec spec = new ModelSpec("resnet9", 4, 0.0625, null, null);
    try (TrainingSession a = TestNets.session(spec, 1L);
        TrainingSession b = TestNets.session(spec, 2L)) {
      TestNets.train(a, 3, 16);
      ModelWeights trained = a.weights().read();
      assertThat(trained.contains("layer1.bn.moving_mean")).isTrue();
      assertThat(trained.get("layer1.bn.moving_variance").values()[0])
          .isNotEqualTo(1f); // moved by training
      assertThat(trained.floatCount()).isEqualTo(a.parameterCount() + movingStats(trained));

      ModelCheckpoint.write(trained, dir);
      b.weights().restore(ModelCheckpoint.read(dir));
      ModelWeights copied = b.weights().read();
      for (WeightTensor t : trained.tensors()) {
        assertThat(copied.get(t.name()).values()).as(t.name()).isEqualTo(t.values());
      }
      var batch = TestNets.batch(8, 16, 4, 5L);
      assertThat(b.evaluation().evaluate(batch)).isEqualTo(a.evaluation().evaluate(batch));
    }
  }

  private static long movingStats(ModelWeights w) {
    return w.tensors().stream()
        .filter(t -> t.name().contains(".moving_"))
        .mapToLong(t -> t.values().length)
        .sum();
  }
}
