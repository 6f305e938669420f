package dev.dawn.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFingerprintTest {
  private static ConfigFingerprint of(String yaml, String... sets) {
    return ConfigFingerprint.of(
        new ConfigLoader().load(yaml, "c.yaml", List.of(sets)).tree(), "build-1");
  }

  private static final String BASE =
      "distributed: {workers: ['a:1', 'b:1'], taskIndex: 0}\n"
          + "optimizer: {schedule: {type: linear_cosine, alpha: 0.1}}\n";

  @Test
  void sameConfigOnEveryTaskPassesWhateverTheTaskIndexAndKeyOrder() {
    var chief = of(BASE);
    var worker =
        of(
            "distributed: {taskIndex: 1, workers: ['a:1', 'b:1']}\n"
                + "optimizer: {schedule: {alpha: 0.10, type: linear_cosine}}\n");
    assertThat(chief.differences(new long[][] {chief.hashes(), worker.hashes()})).isEmpty();
    assertThat(worker.configHash()).isEqualTo(chief.configHash()).hasSize(16);
  }

  @Test
  void differingKeysAreNamedWithTheTask() {
    var chief = of(BASE);
    var other = of(BASE, "train.batchSize=64", "optimizer.name=lars");
    assertThat(chief.differences(new long[][] {chief.hashes(), chief.hashes(), other.hashes()}))
        .contains(
            "worker task 2's config differs from task 0's in optimizer.name, train.batchSize: all"
                + " workers must run the same config");
    assertThat(other.configHash()).isNotEqualTo(chief.configHash());
  }

  @Test
  void anotherBuildIsToldApart() {
    var chief = of(BASE);
    var other =
        ConfigFingerprint.of(new ConfigLoader().load(BASE, "c.yaml", List.of()).tree(), "build-2");
    assertThat(chief.differences(new long[][] {chief.hashes(), other.hashes()}).orElseThrow())
        .contains("worker task 1 runs another dawn build");
  }

  @Test
  void everyKeyButTheTaskIndexIsCompared() {
    assertThat(of(BASE).keys())
        .contains("train.batchSize", "distributed.workers", "optimizer.schedule", "name")
        .doesNotContain("distributed.taskIndex", "train", "distributed.fusion");
  }
}
