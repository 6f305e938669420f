package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configs as a careless or hostile user writes them: one line naming the file, line or --set,
 * exit 2, no run.
 */
class ConfigInputCliTest {
  @TempDir Path dir;

  private Path config(String yaml) throws IOException {
    Path file = dir.resolve("cfg.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static void assertCleanBadInput(TrainCommandTest.Run run) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .as("no Java stack trace")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void anEpochWithoutAStepIsAConfigErrorAndLeavesNoRunFolder() throws Exception {
    Path file =
        config(
            """
        name: zero-steps
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 10, valPerClass: 2, imageSize: 16}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 1, batchSize: 128, resolution: 16, evalResolution: 16}
        """
                .formatted(dir.resolve("synthetic")));
    Path results = dir.resolve("results");
    var run =
        TrainCommandTest.dawn(
            "train", "--config", file.toString(), "--results", results.toString());
    assertCleanBadInput(run);
    assertThat(run.err())
        .contains(
            "cfg.yaml:6: key 'train.batchSize' (128) is larger than the training split (100 images");
    assertThat(results.resolve("runs")).doesNotExist();

    var phases =
        TrainCommandTest.dawn(
            "train",
            "--config",
            file.toString(),
            "--results",
            results.toString(),
            "--set",
            "train.phases=[{epochs: 1, resolution: 16, batchSize: 20}, {epochs: 1, resolution: 16, batchSize: 101}]");
    assertCleanBadInput(phases);
    assertThat(phases.err())
        .contains(
            "--set train.phases: key 'train.phases[1].batchSize' (101) is larger than the"
                + " training split (100 images");
    assertThat(results.resolve("runs")).doesNotExist();
  }

  @Test
  void aNumberOutOfRangeNamesTheKeyAndLine() throws Exception {
    Path file = config("name: x\noptimizer:\n  learningRate: 1e400\n");
    var run =
        TrainCommandTest.dawn(
            "train", "--config", file.toString(), "--results", dir.resolve("r").toString());
    assertCleanBadInput(run);
    assertThat(run.err())
        .contains("cfg.yaml:3: key 'optimizer.learningRate' must be a finite number, got '1e400'");
    var negative =
        TrainCommandTest.dawn(
            "train",
            "--config",
            file.toString(),
            "--set",
            "optimizer.learningRate=-1e999",
            "--results",
            dir.resolve("r").toString());
    assertCleanBadInput(negative);
    assertThat(negative.err())
        .contains(
            "--set optimizer.learningRate: key 'optimizer.learningRate' must be a finite number");
    var huge =
        TrainCommandTest.dawn(
            "train",
            "--config",
            file.toString(),
            "--set",
            "optimizer.learningRate=0.1",
            "--set",
            "train.epochs=99999999999",
            "--results",
            dir.resolve("r").toString());
    assertCleanBadInput(huge);
    assertThat(huge.err())
        .contains("--set train.epochs: key 'train.epochs' is out of range, got '99999999999'");
  }

  @Test
  void aFolderGivenAsConfigIsOneClearLine() {
    var run = TrainCommandTest.dawn("train", "--config", dir.toString());
    assertCleanBadInput(run);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains(dir + ": is a folder; --config needs a YAML file");
  }

  @Test
  void aSetErrorIsBlamedOnTheSetNotOnTheFileLine() throws Exception {
    Path file = config("name: x\ntrain:\n  batchSize: 64\nmodel:\n  architecture: resnet9\n");
    var run =
        TrainCommandTest.dawn(
            "train",
            "--config",
            file.toString(),
            "--set",
            "train.batchSize=0",
            "--set",
            "model.architecture=vgg",
            "--results",
            dir.resolve("r").toString());
    assertCleanBadInput(run);
    assertThat(run.err())
        .contains("--set train.batchSize: key 'train.batchSize' must be >= 1, got 0")
        .contains("--set model.architecture: key 'model.architecture' must be one of")
        .doesNotContain("cfg.yaml:3")
        .doesNotContain("cfg.yaml:5");
  }

  @Test
  void aHugeConfigIsRefusedBeforeParsing() throws Exception {
    Path file = dir.resolve("huge.yaml");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("name: ");
      char[] chunk = "a".repeat(1 << 16).toCharArray();
      for (int i = 0; i < 50 * 16; i++) w.write(chunk); // one 50 MiB scalar
      w.write("\n");
    }
    var run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                TrainCommandTest.dawn(
                    "train",
                    "--config",
                    file.toString(),
                    "--results",
                    dir.resolve("r").toString()));
    assertCleanBadInput(run);
    assertThat(run.err())
        .contains("huge.yaml: 52428807 bytes; a config file may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void deepNestingIsRefusedAndAliasesDoNotExpand() throws Exception {
    Path deep = dir.resolve("deep.yaml");
    Files.writeString(deep, "reference: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    var nested =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                TrainCommandTest.dawn(
                    "train",
                    "--config",
                    deep.toString(),
                    "--results",
                    dir.resolve("r").toString()));
    assertCleanBadInput(nested);
    assertThat(nested.err())
        .contains("deep.yaml")
        .contains("not valid YAML")
        .contains("nesting depth");

    // An alias bomb: 10^10 strings if aliases were expanded. It is refused at its first anchor, in
    // one line, before any of it is read into a tree.
    StringBuilder bomb =
        new StringBuilder("reference:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      bomb.append("]\n");
    }
    Path laughs = Files.writeString(dir.resolve("laughs.yaml"), bomb);
    var refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                TrainCommandTest.dawn(
                    "train",
                    "--config",
                    laughs.toString(),
                    "--results",
                    dir.resolve("r").toString()));
    assertCleanBadInput(refused);
    assertThat(refused.err().strip())
        .isEqualTo(
            "dawn train: "
                + laughs
                + ":2: YAML anchor '&a0' is not allowed: write the value out (dawn reads no anchors"
                + " or aliases)");
  }

  @Test
  void aliasesAreRefusedWhereverYamlIsRead() throws Exception {
    // An alias the parser would have read as the text of its name ("a0"), silently.
    Path config =
        Files.writeString(dir.resolve("alias.yaml"), "name: run\nsubmission:\n  author: *a0\n");
    var file =
        TrainCommandTest.dawn("train", "--config", config.toString(), "--results", dir.toString());
    assertCleanBadInput(file);
    assertThat(file.err()).contains("alias.yaml:3: YAML alias '*a0' is not allowed");
    var set =
        TrainCommandTest.dawn(
            "train",
            "--config",
            TinyTrainingConfig.write(dir, "set").toString(),
            "--set",
            "submission.author=*a0",
            "--results",
            dir.toString());
    assertCleanBadInput(set);
    assertThat(set.err()).contains("--set submission.author: YAML alias '*a0' is not allowed");
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            "name: s\nbase: set.yaml\ngrid:\n  train.epochs: &e [1, 2]\n");
    Files.copy(
        TinyTrainingConfig.write(dir, "s"),
        dir.resolve("set.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var sweep =
        TrainCommandTest.dawn("sweep", spec.toString(), "--results", dir.resolve("sw").toString());
    assertCleanBadInput(sweep);
    assertThat(sweep.err()).contains("spec.yaml:4: YAML anchor '&e' is not allowed");
    Path hardware =
        Files.writeString(
            dir.resolve("hw.yaml"),
            Files.readString(Path.of("..", "reference-configs", "hardware", "cpu.yaml"))
                .replace("imagesPerSecond: 988", "imagesPerSecond: &ips 988"));
    var project =
        TrainCommandTest.dawn(
            "project",
            "--config",
            TinyTrainingConfig.write(dir, "p").toString(),
            "--hardware",
            hardware.toString(),
            "--network",
            Path.of("..", "reference-configs", "networks", "ethernet-10gbit.yaml").toString(),
            "--gpus",
            "1",
            "--out",
            dir.resolve("proj").toString());
    assertCleanBadInput(project);
    assertThat(project.err()).contains("hw.yaml:11: YAML anchor '&ips' is not allowed");
  }

  @Test
  void anUnknownCalibrationNamesTheAllowedOnes() {
    var run = TrainCommandTest.dawn("infer", "--random-resnet50", "32", "--calibration", "kl");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--calibration")
        .contains("key 'int8.calibration' must be one of [entropy, minmax, percentile], got 'kl'");
  }
}
