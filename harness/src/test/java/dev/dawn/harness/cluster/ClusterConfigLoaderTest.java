package dev.dawn.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigLoaderTest {
  @TempDir Path tmp;

  private Path config(String yaml) throws Exception {
    return Files.writeString(tmp.resolve("c.yaml"), yaml);
  }

  @Test
  void tfConfigSetsWorkersAndTaskAndSaysSo() throws Exception {
    List<String> said = new ArrayList<>();
    var loaded =
        ClusterConfigLoader.load(
            config("train: {batchSize: 64}\n"),
            null,
            List.of(),
            Optional.of(new TfConfig(List.of("h1:2222", "h2:2222"), 1)),
            said::add);
    assertThat(loaded.config().distributed().workers()).containsExactly("h1:2222", "h2:2222");
    assertThat(loaded.config().distributed().taskIndex()).isEqualTo(1);
    assertThat(loaded.tree().path("distributed").path("taskIndex").asInt()).isEqualTo(1);
    assertThat(said).containsExactly("cluster from TF_CONFIG: task 1 of 2 workers (h2:2222)");
  }

  @Test
  void withoutTfConfigTheConfigKeysCount() throws Exception {
    var loaded =
        ClusterConfigLoader.load(
            config(
                "distributed: {workers: ['a:1', 'b:2'], taskIndex: 1}\ntrain: {batchSize: 64}\n"),
            null,
            List.of(),
            Optional.empty(),
            s -> {});
    assertThat(loaded.config().distributed().workerCount()).isEqualTo(2);
  }

  @Test
  void configWorkersThatDifferFromTfConfigAreRefused() throws Exception {
    Path file = config("distributed:\n  workers: ['a:1', 'b:2']\n");
    assertThatThrownBy(
            () ->
                ClusterConfigLoader.load(
                    file,
                    null,
                    List.of(),
                    Optional.of(new TfConfig(List.of("a:1", "c:3"), 0)),
                    s -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("c.yaml:2: key 'distributed.workers' [a:1, b:2] differs from")
        .hasMessageContaining("TF_CONFIG [a:1, c:3]");
  }

  @Test
  void theGlobalBatchMustSplitOverWorkersReplicasAndMicroBatches() {
    assertThatThrownBy(
            () ->
                new ConfigLoader()
                    .load(
                        "distributed: {workers: ['a:1', 'b:1', 'c:1'], replicas: 2}\n"
                            + "train: {batchSize: 64}\n",
                        "c.yaml",
                        List.of()))
        .hasMessageContaining("key 'train.batchSize' (64) must be divisible by the worker count")
        .hasMessageContaining("distributed.workers (3) x distributed.replicas (2)");
  }

  @Test
  void tfConfigAddressesAreCheckedLikeConfigKeys() throws Exception {
    assertThatThrownBy(
            () ->
                ClusterConfigLoader.load(
                    config("train: {batchSize: 64}\n"),
                    null,
                    List.of(),
                    Optional.of(new TfConfig(List.of("a:1", "nohost"), 0)),
                    s -> {}))
        .hasMessageContaining("TF_CONFIG: key 'distributed.workers' entry 1 ('nohost') must be");
  }

  @Test
  void taskIndexMustIndexTheWorkers() {
    assertThatThrownBy(
            () ->
                new ConfigLoader()
                    .load("distributed: {workers: ['a:1'], taskIndex: 1}\n", "c.yaml", List.of()))
        .hasMessageContaining(
            "key 'distributed.taskIndex' must index distributed.workers (0 to 0)");
    assertThatThrownBy(
            () -> new ConfigLoader().load("distributed: {taskIndex: 1}\n", "c.yaml", List.of()))
        .hasMessageContaining("must be 0 without distributed.workers");
  }
}
