package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.harness.train.TrainingRunner;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.inference.InferenceExporter;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.models.export.ModelWeights;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train.initWeights / stopAtTarget on a tiny run, and dawn infer --prune --fine-tune-epochs end to
 * end.
 */
class PruneFineTuneTest {
  @TempDir static Path dir;
  static Path config;
  static Path trained;

  @BeforeAll
  static void trainTinyRun() throws Exception {
    config = TinyTrainingConfig.write(dir, "tiny-prune");
    assertThat(
            DawnCli.commandLine()
                .execute(
                    "train",
                    "--config",
                    config.toString(),
                    "--results",
                    dir.resolve("trained").toString()))
        .isEqualTo(3);
    try (Stream<Path> s = Files.list(dir.resolve("trained/runs"))) {
      trained = s.findFirst().orElseThrow();
    }
  }

  private static TrainingRunner.Outcome train(Path results, String... overrides) throws Exception {
    var loaded = new ConfigLoader().load(config, List.of(overrides));
    ProgressLine quiet =
        new ProgressLine(new PrintStream(new ByteArrayOutputStream()), false, 1000);
    return new TrainingRunner(loaded, results, quiet).run();
  }

  private static List<Event> events(Path run, String key) {
    return EventLogReader.read(run.resolve(RunFolder.EVENTS)).stream()
        .filter(e -> key.equals(e.key()))
        .toList();
  }

  @Test
  void initWeightsStartsFromTheSavedModelAndStopAtTargetFalseRunsEveryEpoch() throws Exception {
    Path weights = trained; // its newest checkpoint
    var outcome =
        train(
            dir.resolve("resumed"),
            "train.initWeights=" + weights,
            "train.targetAccuracy=1.0",
            "train.stopAtTarget=false",
            "train.epochs=2");
    Path run = outcome.folder().dir();
    // same weights, same validation images: the starting accuracy is the trained run's final one
    Map<String, Object> start = events(run, MlLogKeys.INIT_EVAL).get(0).metadata();
    List<Event> trainedEvals = events(trained, MlLogKeys.EVAL_ACCURACY);
    assertThat(((Number) start.get("top5_accuracy")).doubleValue())
        .isEqualTo(
            ((Number) trainedEvals.get(trainedEvals.size() - 1).metadata().get("top5_accuracy"))
                .doubleValue());
    assertThat(events(run, MlLogKeys.EVAL_ACCURACY))
        .as("target 1% is met at once but every epoch runs")
        .hasSize(2);
    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void initWeightsOfAnotherShapeNamesTheVariableShapesAndFolder() {
    Path weights = trained; // its newest checkpoint
    assertThatThrownBy(
            () ->
                train(
                    dir.resolve("mismatch"),
                    "train.initWeights=" + weights,
                    "model.channels.layer2=8"))
        .hasMessageContaining("train.initWeights " + weights)
        .hasMessageContaining("'layer2.conv.kernel' has shape [3, 3, 32, 64]")
        .hasMessageContaining("[3, 3, 32, 8]");
  }

  @Test
  void aMissingInitWeightsFolderIsBadInputBeforeAnyRunFolder() {
    Path results = dir.resolve("missing");
    assertThatThrownBy(() -> train(results, "train.initWeights=" + dir.resolve("nowhere")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'train.initWeights' must name a run folder with a checkpoint")
        .hasMessageContaining(dir.resolve("nowhere").toString());
    assertThat(results.resolve("runs")).doesNotExist();
  }

  @Test
  void inferPrunesFineTunesAndMeasuresTheNarrowerModel() throws Exception {
    Path results = dir.resolve("results");
    int exit =
        DawnCli.commandLine()
            .execute(
                "infer",
                "--model",
                trained.toString(),
                "--results",
                results.toString(),
                "--limit",
                "20",
                "--warmup",
                "3",
                "--batch-sizes",
                "1",
                "--batch-repeats",
                "2",
                "--prune",
                "0,0.5",
                "--precision",
                "fp32",
                "--calibration-images",
                "16",
                "--fine-tune-epochs",
                "1");
    assertThat(exit).isZero();
    Path infer;
    Path fineTune;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      List<Path> runs = s.toList();
      infer =
          runs.stream()
              .filter(p -> p.getFileName().toString().contains("infer-"))
              .findFirst()
              .orElseThrow();
      fineTune =
          runs.stream()
              .filter(p -> p.getFileName().toString().endsWith("tiny-prune-prune0.5-finetune"))
              .findFirst()
              .orElseThrow();
    }
    // a normal training run: events, TSV, config and the fine-tuned (narrower) weights
    assertThat(fineTune.resolve(RunFolder.CONFIG))
        .content()
        .contains("stopAtTarget: false")
        .contains("layer2: 32");
    try (Stream<Path> s = Files.list(fineTune)) {
      assertThat(s.filter(p -> p.toString().endsWith(".tsv")).count()).isEqualTo(1);
    }
    ModelWeights tuned = RunModel.read(fineTune);
    assertThat(tuned.spec().channels())
        .containsEntry("layer2", 32)
        .containsEntry("prep", 8)
        // --prune-residual-groups defaults to true: the convs meeting the residual adds are halved
        // together
        .containsEntry("layer1", 16)
        .containsEntry("layer1_res_b", 16)
        .containsEntry("layer3", 64)
        .containsEntry("layer3_res_b", 64);
    assertThat(events(fineTune, MlLogKeys.EVAL_ACCURACY)).hasSize(1);

    Map<String, Object> ft =
        events(infer, MlLogKeys.FINE_TUNE).get(0).value() instanceof Map<?, ?> m
            ? castMap(m)
            : Map.of();
    assertThat(ft)
        .containsEntry("prune_ratio", 0.5)
        .containsEntry("prune_residual_groups", true)
        .containsEntry("epochs", 1)
        .containsEntry("run_folder", fineTune.toString())
        .containsKeys("top5_before", "top5_after", "train_time_ms");
    assertThat(ModelCheckpoint.isCheckpoint(infer.resolve("pruned-0.5-weights"))).isTrue();

    List<String> summary = Files.readAllLines(infer.resolve(RunFolder.INFERENCE_SUMMARY));
    int params = InferenceExporter.COLUMNS.indexOf("params");
    long full = Long.parseLong(summary.get(1).split(",")[params]);
    long pruned = Long.parseLong(summary.get(2).split(",")[params]);
    assertThat(summary.get(2)).startsWith("resnet9,32,fp32,0.5,1,20,");
    // with residual groups nearly every conv loses half its inputs and outputs: about a quarter of
    // the weights remain
    assertThat(pruned).isLessThan(full * 4 / 10);
  }

  @Test
  void fineTuneOptionsNeedATrainedRun() {
    assertThat(badInput("infer", "--random-resnet50", "32", "--fine-tune-epochs", "1"))
        .contains("--fine-tune-epochs: key 'prune.fineTuneEpochs' needs model.path")
        .contains("--model RUN_FOLDER");
    assertThat(badInput("infer", "--model", trained.toString(), "--fine-tune-lr", "0.1"))
        .contains(
            "--fine-tune-lr: key 'prune.fineTuneLearningRate' needs prune.fineTuneEpochs >= 1");
  }

  private static String badInput(String... args) {
    var cmd = DawnCli.commandLine();
    var err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err));
    assertThat(cmd.execute(args)).isEqualTo(2);
    return err.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
