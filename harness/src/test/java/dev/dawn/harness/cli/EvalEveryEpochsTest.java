package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train.evalEveryEpochs: 0.5} on a tiny synthetic set: two evaluations per epoch. */
class EvalEveryEpochsTest {
  @TempDir static Path shared;
  static Path config;

  @BeforeAll
  static void tinyConfig() throws Exception {
    config = shared.resolve("tiny-half.yaml");
    Files.writeString(
        config,
        """
        name: tiny-half
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 40, valPerClass: 10, imageSize: 40}
        model: {architecture: resnet9, width: 0.25}
        train: {epochs: 2, batchSize: 20, evalBatchSize: 50, evalEveryEpochs: 0.5}
        optimizer: {learningRate: 0.2, warmupEpochs: 1}
        """
            .formatted(shared.resolve("synthetic-10")));
  }

  private static Path run(String name, String... sets) throws Exception {
    Path results = shared.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of("train", "--config", config.toString(), "--results", results.toString()));
    for (String s : sets) args.addAll(List.of("--set", s));
    var run = TrainCommandTest.dawn(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isIn(0, 3);
    return TrainCommandTest.runFolders(results).get(0);
  }

  private static String tsv(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return Files.readString(
          s.filter(f -> f.toString().endsWith(".tsv")).findFirst().orElseThrow());
    }
  }

  @Test
  void evaluatesTwicePerEpochAndWritesATsvRowForEach() throws Exception {
    Path folder = run("every-half", "train.stopAtTarget=false");
    List<Event> log = EventLogReader.read(folder.resolve(RunFolder.EVENTS));
    List<EvalAccuracy> evals = EvalAccuracy.KIND.in(log);
    assertThat(evals).extracting(EvalAccuracy::position).containsExactly(0.5, 1.0, 1.5, 2.0);
    assertThat(evals).extracting(EvalAccuracy::epoch).containsExactly(1, 1, 2, 2);
    assertThat(EpochStop.KIND.in(log)).hasSize(2);
    // Training time grows from one evaluation to the next: evaluation stays off the clock, and the
    // clock at an epoch's end evaluation is the epoch_stop's.
    assertThat(evals).extracting(EvalAccuracy::trainTimeMs).isSorted();
    assertThat(evals.get(1).trainTimeMs()).isEqualTo(EpochStop.KIND.in(log).get(0).trainTimeMs());
    List<String> rows = tsv(folder).lines().skip(1).toList();
    assertThat(rows).extracting(r -> r.split("\t")[0]).containsExactly("0.5", "1", "1.5", "2");
    RunRecord record = RunRecord.fromEvents(log);
    assertThat(record.epochs()).hasSize(2); // the per-epoch view (metrics.csv) stays per epoch
    assertThat(record.evaluations()).hasSize(4);
  }

  @Test
  void stopsAtTheFirstEvaluationAtTheTargetEvenWithinAnEpoch() throws Exception {
    // 10 classes: top-5 of an untrained net is about 50%, so the first evaluation (half an epoch)
    // already reaches 20%.
    Path folder = run("stop-mid", "train.targetAccuracy=20.0");
    List<Event> log = EventLogReader.read(folder.resolve(RunFolder.EVENTS));
    List<EvalAccuracy> evals = EvalAccuracy.KIND.in(log);
    assertThat(evals).hasSize(1);
    assertThat(evals.get(0).position()).isEqualTo(0.5);
    assertThat(EpochStop.KIND.in(log)).isEmpty(); // the unfinished epoch has no epoch_stop
    RunRecord record = RunRecord.fromEvents(log);
    assertThat(record.status()).isEqualTo("success");
    assertThat(record.epochsToTarget()).hasValue(0.5);
    assertThat(record.hoursToTarget()).hasValue(evals.get(0).trainTimeMs() / 3.6e6);
    List<String> rows = tsv(folder).lines().skip(1).toList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).startsWith("0.5\t");
    assertThat(Double.parseDouble(rows.get(0).split("\t")[1]))
        .isEqualTo(record.hoursToTarget().getAsDouble());
    assertThat(LeaderboardFigures.duration(record.hoursToTarget().getAsDouble())).isNotBlank();
  }
}
