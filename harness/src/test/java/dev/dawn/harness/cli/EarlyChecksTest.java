package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every value that becomes a file name or a DAWNBench field, and every figure, is checked when it
 * enters, by the writer's own rule: one line, exit 2, before any training and without a run folder.
 * A run that trained keeps every file that can be written when one cannot.
 */
class EarlyChecksTest {
  @TempDir Path dir;

  private TrainCommandTest.Run train(String... sets) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--config",
                TinyTrainingConfig.write(dir, "early").toString(),
                "--results",
                dir.resolve("results").toString()));
    for (String set : sets) args.addAll(List.of("--set", set));
    return TrainCommandTest.dawn(args.toArray(String[]::new));
  }

  private void assertRefusedInOneLine(TrainCommandTest.Run run, String... fragments) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).as("one line").doesNotContain("\n").contains(fragments);
    assertThat(dir.resolve("results").resolve("runs")).as("no run folder").doesNotExist();
  }

  @Test
  void aHardwareTagThatIsNoFileNameIsRefusedWhenTheConfigIsLoaded() throws Exception {
    assertRefusedInOneLine(
        train("submission.hardwareTag=../../../x/" + "B".repeat(40)),
        "--set submission.hardwareTag: key 'submission.hardwareTag' goes into the DAWNBench file"
            + " name 'dawn_resnet9_../../../x/BBB",
        "which must be a plain file name, without '/' or '\\'");
  }

  @Test
  void anAuthorTooLongForAFileNameIsRefusedWhenTheConfigIsLoaded() throws Exception {
    assertRefusedInOneLine(
        train("submission.author=" + "A".repeat(300)),
        "key 'submission.author' goes into the DAWNBench file name 'aaaa",
        "which is 338 bytes long; at most 230 fit a file name with the endings dawn adds");
  }

  @Test
  void anEmptyRequiredFieldIsRefusedWhenTheConfigIsLoaded() throws Exception {
    assertRefusedInOneLine(
        train("submission.hardware=\"\""),
        "--set submission.hardware: key 'submission.hardware' must not be empty (DAWNBench"
            + " requires it)");
  }

  @Test
  void aLaunchRefusesTheSameConfigBeforeAnyWorkerStarts() throws Exception {
    var run =
        TrainCommandTest.dawn(
            "launch",
            "--workers",
            "2",
            "--config",
            TinyTrainingConfig.write(dir, "early").toString(),
            "--set",
            "submission.hardwareTag=a/b",
            "--results",
            dir.resolve("results").toString());
    assertRefusedInOneLine(run, "key 'submission.hardwareTag' goes into the DAWNBench file name");
    assertThat(run.out()).doesNotContain("[worker");
  }

  @Test
  void aCostOfZeroIsNoPrice() throws Exception {
    // 0 validates (it means no price, as a missing costPerHour does) and is never ranked or charged
    var loaded =
        new dev.dawn.harness.config.ConfigLoader()
            .load(TinyTrainingConfig.write(dir, "free"), List.of("submission.costPerHour=0"));
    assertThat(loaded.config().submission().costPerHour()).isZero();
    assertRefusedInOneLine(
        train("submission.costPerHour=-1"),
        "key 'submission.costPerHour' must be >= 0 (USD per hour, on-demand price; 0 or null: no"
            + " price), got -1.0");
    assertRefusedInOneLine(
        train("submission.costPerHour=1e400"),
        "key 'submission.costPerHour' must be a finite number, got '1e400'");
    assertRefusedInOneLine(
        train("train.targetAccuracy=.nan"),
        "--set train.targetAccuracy: key 'train.targetAccuracy' must be a finite number, got '.nan'");
  }

  @Test
  void aRunThatTrainedKeepsEveryFileThatCanBeWrittenAndExportRebuildsTheRest() throws Exception {
    Path run = dir.resolve("results").resolve("runs").resolve("kept");
    String basename = "dawn_resnet9_testbox_tensorflowjava110";
    // a folder where the TSV should go: the one file that cannot be written after training
    Path blocked = Files.createDirectories(run.resolve(basename + ".tsv"));
    Path log = dir.resolve("train.log");
    int exit;
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process p =
          processes.start(
              List.of(
                  "train",
                  "--config",
                  TinyTrainingConfig.write(dir, "kept").toString(),
                  "--set",
                  "train.epochs=1",
                  "--set",
                  "submission.hardwareTag=testbox",
                  "--results",
                  dir.resolve("results").toString(),
                  "--run-folder",
                  run.toString()),
              Map.of(),
              log);
      exit = WorkerProcesses.exitWithin(p, 300);
    }
    String out = Files.readString(log);
    assertThat(exit).as(out).isEqualTo(1);
    assertThat(out)
        .contains(
            "dawn train: failed: could not write "
                + basename
                + ".tsv (the run's other files are written, and its events.jsonl holds everything:"
                + " 'dawn export "
                + run
                + "' writes them again)")
        .doesNotContain("\tat ");
    assertThat(RunStop.KIND.in(EventLogReader.read(run.resolve(RunFolder.EVENTS))))
        .singleElement()
        .satisfies(stop -> assertThat(stop.status()).isEqualTo("target_not_reached"));
    assertThat(run.resolve(basename + ".json")).isRegularFile();
    assertThat(run.resolve("metrics.csv")).isRegularFile();
    assertThat(run.resolve("accuracy.png")).isRegularFile();
    try (var files = Files.list(run)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("events.out.tfevents."));
    }

    Files.delete(blocked);
    var export = TrainCommandTest.dawn("export", run.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(Files.readAllLines(run.resolve(basename + ".tsv")))
        .hasSize(2)
        .first()
        .isEqualTo("epoch\thours\ttop1Accuracy\ttop5Accuracy");
  }
}
