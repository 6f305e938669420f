package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.schedule.ScheduleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void defaultsFillWhatTheFileLeavesOut() {
    var loaded = loader.load("train:\n  batchSize: 64\n", "a.yaml", List.of());
    assertThat(loaded.config().train().batchSize()).isEqualTo(64);
    assertThat(loaded.config().train().targetAccuracy()).isEqualTo(93.0);
    assertThat(loaded.config().optimizer().schedule().typeName()).isEqualTo("linear_cosine");
  }

  @Test
  void unknownKeyNamesFileLineKeyAndAllowedKeys() {
    String yaml = "name: x\ntrain:\n  epochs: 3\n  batchsize: 64\n";
    assertThatThrownBy(() -> loader.load(yaml, "cfg.yaml", List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cfg.yaml:4")
        .hasMessageContaining("unknown key 'train.batchsize'")
        .hasMessageContaining("batchSize, checkpointEveryEpochs, epochs");
  }

  @Test
  void unknownTopLevelSection() {
    assertThatThrownBy(() -> loader.load("trian:\n  epochs: 3\n", "cfg.yaml", List.of()))
        .hasMessageContaining("cfg.yaml:1: unknown key 'trian'")
        .hasMessageContaining(
            "allowed keys at the top level: data, distributed, model, name, optimizer, reference, scales, submission, threads, train");
  }

  @Test
  void wrongTypeIsRejected() {
    assertThatThrownBy(() -> loader.load("train:\n  epochs: ten\n", "cfg.yaml", List.of()))
        .hasMessageContaining("cfg.yaml:2: key 'train.epochs' must be a whole number, got 'ten'");
    assertThatThrownBy(() -> loader.load("train:\n  epochs: 2.5\n", "cfg.yaml", List.of()))
        .hasMessageContaining("must be a whole number");
    assertThatThrownBy(() -> loader.load("optimizer:\n  nesterov: maybe\n", "cfg.yaml", List.of()))
        .hasMessageContaining("key 'optimizer.nesterov' must be true or false");
  }

  @Test
  void rangeAndChoiceRulesListEveryProblem() {
    String yaml = "train:\n  batchSize: 0\n  targetAccuracy: 120\nmodel:\n  architecture: vgg16\n";
    assertThatThrownBy(() -> loader.load(yaml, "cfg.yaml", List.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("cfg.yaml:2: key 'train.batchSize' must be >= 1, got 0")
        .hasMessageContaining("cfg.yaml:3: key 'train.targetAccuracy' must be a percentage")
        .hasMessageContaining("cfg.yaml:5: key 'model.architecture' must be one of");
  }

  @Test
  void setOverridesAnyKeyAndIsCheckedLikeTheFile() {
    var loaded =
        loader.load(
            "train:\n  batchSize: 64\n",
            "a.yaml",
            List.of(
                "train.batchSize=32",
                "optimizer.nesterov=false",
                "submission.costPerHour=3.06",
                "name=sweep-1"));
    assertThat(loaded.config().train().batchSize()).isEqualTo(32);
    assertThat(loaded.config().optimizer().nesterov()).isFalse();
    assertThat(loaded.config().submission().costPerHour()).isEqualTo(3.06);
    assertThat(loaded.config().name()).isEqualTo("sweep-1");
    assertThat(loader.toYaml(loaded.tree())).contains("batchSize: 32");

    assertThatThrownBy(() -> loader.load("", "a.yaml", List.of("train.bachSize=32")))
        .hasMessageContaining(
            "--set train.bachSize: unknown key 'train.bachSize'; allowed keys in 'train'");
    assertThatThrownBy(() -> loader.load("", "a.yaml", List.of("train.epochs=many")))
        .hasMessageContaining("--set train.epochs: key 'train.epochs' must be a whole number");
    assertThatThrownBy(() -> loader.load("", "a.yaml", List.of("train")))
        .hasMessageContaining("expected key=value");
  }

  @Test
  void scheduleIsAnOpenMapReplacedWhole() {
    // The default {type: linear_cosine} leaves nothing behind in a schedule of another type.
    var loaded =
        loader.load(
            "optimizer:\n  schedule:\n    type: piecewise_linear\n    epochs: [0, 5]\n    values: [0, 1]\n",
            "a.yaml",
            List.of());
    assertThat(loaded.config().optimizer().schedule())
        .isEqualTo(new ScheduleSpec.Piecewise(List.of(0.0, 5.0), List.of(0.0, 1.0)));
  }

  @Test
  void missingFileAndBrokenYamlAreClear(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), List.of()))
        .hasMessageContaining("nope.yaml: config file not found");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "train:\n  epochs: [1,\n");
    assertThatThrownBy(() -> loader.load(bad, List.of()))
        .hasMessageContaining("bad.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void everyReferenceConfigLoads() throws Exception {
    Path dir = Path.of("..", "reference-configs");
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        assertThat(loader.load(f, List.of()).config().name()).as(f.toString()).isNotBlank();
      }
    }
  }

  @Test
  void phasesDescribeProgressiveResizing() {
    var c =
        loader
            .load(
                "train:\n  epochs: 5\n  phases:\n    - {epochs: 3, resolution: 24, batchSize: 64}\n"
                    + "    - {epochs: 2, resolution: 32, batchSize: 32}\n",
                "p.yaml",
                List.of())
            .config();
    assertThat(c.train().phaseOf(1).resolution()).isEqualTo(24);
    assertThat(c.train().phaseOf(3).batchSize()).isEqualTo(64);
    assertThat(c.train().phaseOf(4).resolution()).isEqualTo(32);
    assertThat(c.train().phaseOf(9).batchSize()).isEqualTo(32);
    assertThatThrownBy(
            () ->
                loader.load(
                    "train:\n  phases:\n    - {epochs: 3, resolutin: 24, batchSize: 64}\n",
                    "p.yaml",
                    List.of()))
        .hasMessageContaining("p.yaml:2: unknown key 'resolutin' in 'train.phases[0]'")
        .hasMessageContaining("batchSize, epochs, resolution");
  }

  @Test
  void scaleLaysANamedPartialConfigOverTheFile() {
    String yaml = "train:\n  batchSize: 32768\nscales:\n  cpu:\n    train:\n      batchSize: 256\n";
    assertThat(loader.load(yaml, "r.yaml", List.of()).config().train().batchSize())
        .isEqualTo(32768);
    assertThat(loader.load(yaml, "r.yaml", "cpu", List.of()).config().train().batchSize())
        .isEqualTo(256);
    assertThatThrownBy(() -> loader.load(yaml, "r.yaml", "tpu", List.of()))
        .hasMessageContaining("--scale tpu: no such scale under 'scales:'; this file has cpu");
    assertThatThrownBy(
            () ->
                loader.load(
                    yaml.replace("      batchSize: 256", "      batchSiz: 256"),
                    "r.yaml",
                    "cpu",
                    List.of()))
        .hasMessageContaining("unknown key 'train.batchSiz'")
        .hasMessageContaining("(scales.cpu)");
  }

  @Test
  void accumulationMustSplitEveryBatchEvenly() {
    assertThat(
            loader
                .load("train:\n  batchSize: 128\n  accumulationSteps: 4\n", "a.yaml", List.of())
                .config()
                .train()
                .accumulationSteps())
        .isEqualTo(4);
    assertThatThrownBy(
            () ->
                loader.load(
                    "train:\n  batchSize: 128\n  accumulationSteps: 3\n", "a.yaml", List.of()))
        .hasMessageContaining(
            "a.yaml:3: key 'train.accumulationSteps' must divide train.batchSize (128)");
    assertThatThrownBy(
            () ->
                loader.load(
                    "train:\n  batchSize: 128\n  accumulationSteps: 2\n  phases:\n"
                        + "    - {epochs: 1, resolution: 32, batchSize: 63}\n",
                    "a.yaml",
                    List.of()))
        .hasMessageContaining(
            "train.phases[0].batchSize' must be divisible by train.accumulationSteps (2)");
  }

  @Test
  void precisionDefaultsToFp32WithADynamicScaleForFp16() {
    var t = loader.load("", "a.yaml", List.of()).config().train();
    assertThat(t.precision()).isEqualTo(Precision.FP32);
    assertThat(t.lossScale()).hasToString("dynamic");
    var fp16 =
        loader
            .load("train:\n  precision: fp16\n  lossScale: 1024\n", "a.yaml", List.of())
            .config()
            .train();
    assertThat(fp16.precision()).isEqualTo(Precision.FP16);
    assertThat(fp16.lossScale()).hasToString("1024");
    assertThat(
            loader
                .load("", "a.yaml", List.of("train.precision=bf16", "train.lossScale=none"))
                .config()
                .train()
                .precision())
        .isEqualTo(Precision.BF16);
  }

  @Test
  void badPrecisionOrLossScaleNamesTheKeyAndTheAllowedValues() {
    assertThatThrownBy(
            () -> loader.load("name: x\ntrain:\n  precision: fp8\n", "p.yaml", List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "p.yaml:3: key 'train.precision' must be one of [bf16, fp16, fp32], got 'fp8'");
    for (String bad : List.of("0", "-4", "huge", "1e39", "NaN")) {
      assertThatThrownBy(
              () ->
                  loader.load(
                      "train:\n  precision: fp16\n  lossScale: " + bad + "\n", "s.yaml", List.of()))
          .as(bad)
          .hasMessageContaining(
              "s.yaml:3: key 'train.lossScale' must be one of [dynamic, none] or a positive number");
    }
  }
}
