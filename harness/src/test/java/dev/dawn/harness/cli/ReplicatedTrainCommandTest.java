package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.AllReduceBuckets;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dawn train with two data-parallel replicas records its buckets; a batch the replicas cannot share
 * is refused.
 */
class ReplicatedTrainCommandTest {
  @TempDir Path dir;

  private Path config(int replicas, int batchSize) throws Exception {
    Path config = dir.resolve("replicas.yaml");
    Files.writeString(
        config,
        """
        name: replicas
        data:
          path: %s
          synthetic: {classes: 4, trainPerClass: 16, valPerClass: 4, imageSize: 16}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 2, batchSize: %d, resolution: 16, evalResolution: 16, evalBatchSize: 16, stopAtTarget: false}
        optimizer: {learningRate: 0.1, warmupEpochs: 0}
        distributed: {replicas: %d, fusion: {thresholdBytes: 4096}}
        """
            .formatted(dir.resolve("synthetic-4"), batchSize, replicas));
    return config;
  }

  @Test
  void twoReplicasTrainAndRecordTheirAllReduceBuckets() throws Exception {
    Path results = dir.resolve("results");
    var run =
        TrainCommandTest.dawn(
            "train", "--config", config(2, 16).toString(), "--results", results.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isIn(0, 1);
    Path folder = TrainCommandTest.runFolders(results).get(0);
    var events = EventLogReader.read(folder.resolve(RunFolder.EVENTS));
    AllReduceBuckets buckets = AllReduceBuckets.KIND.in(events).get(0);
    assertThat(buckets.replicas()).isEqualTo(2);
    assertThat(buckets.thresholdBytes()).isEqualTo(4096);
    assertThat(buckets.buckets().size()).isGreaterThan(1);
    assertThat(buckets.buckets().get(0).tensors()).first().asString().startsWith("classifier");
    List<EpochStop> stops = EpochStop.KIND.in(events);
    assertThat(stops).hasSize(2);
    assertThat(stops.get(0).replicas()).isEqualTo(2);
    assertThat(stops.get(0).allReduceBuckets()).isEqualTo(buckets.buckets().size());
    assertThat(stops.get(0).allReducedBytesPerStep()).isEqualTo(buckets.totalBytes());
    List<String> csv = Files.readAllLines(folder.resolve("metrics.csv"));
    assertThat(csv.get(0))
        .endsWith(
            "replicas,allreduce_buckets,allreduce_bytes_per_step,"
                + "workers,compute_ms_per_step,exposed_comm_ms_per_step");
    assertThat(csv.get(1))
        .contains(",2," + buckets.buckets().size() + "," + buckets.totalBytes() + ",1,");
    // two replicas all-reduce, so the step is split into compute and exposed communication
    assertThat(stops.get(0).workers()).isEqualTo(1);
    assertThat(stops.get(0).computeMsPerStep()).isPositive();
    assertThat(stops.get(0).exposedCommMsPerStep()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(Files.readString(folder.resolve(RunFolder.ENVIRONMENT)))
        .contains("\"dataParallel\"", "\"allReduceBuckets\" : " + buckets.buckets().size());
  }

  @Test
  void aBatchTheReplicasCannotShareIsRefusedBeforeAnyWork() throws Exception {
    Path results = dir.resolve("results-bad");
    var run =
        TrainCommandTest.dawn(
            "train", "--config", config(3, 16).toString(), "--results", results.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("train.batchSize", "divisible by distributed.replicas (3)")
        .doesNotContain("\tat ");
    assertThat(TrainCommandTest.runFolders(results)).isEmpty();
  }
}
