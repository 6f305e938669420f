package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.models.arch.Architecture;
import dev.dawn.workloads.training.schedule.ScheduleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The records are the schema: what binding accepts, refuses and says, schedules included. */
class ConfigBindingTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void choicesBindToEnumsByTheirYamlNames() {
    var c =
        loader
            .load(
                "model: {architecture: resnet50, variant: D}\ntrain: {targetMetric: top1Accuracy}\n"
                    + "optimizer: {name: lars}\ndata: {kind: cifar10}\n",
                "a.yaml",
                List.of())
            .config();
    assertThat(c.model().architecture()).isEqualTo(Architecture.RESNET50);
    assertThat(c.model().variant()).isEqualTo(ModelVariant.D);
    assertThat(c.train().targetMetric()).isEqualTo(TargetMetric.TOP1);
    assertThat(c.optimizer().name()).isEqualTo(OptimizerName.LARS);
    assertThat(c.data().kind()).isEqualTo(DataKind.CIFAR10);
    assertThatThrownBy(() -> loader.load("data:\n  kind: ImageNet\n", "a.yaml", List.of()))
        .hasMessage(
            "a.yaml:2: key 'data.kind' must be one of [cifar10, imagenet, synthetic], got 'ImageNet'");
  }

  @Test
  void theModelKeysMustDescribeANetworkThatExists() {
    assertThatThrownBy(
            () ->
                loader.load("model:\n  architecture: resnet9\n  variant: C\n", "a.yaml", List.of()))
        .hasMessage(
            "a.yaml:3: key 'model.variant' does not fit: model variant 'C' is not allowed for resnet9 (it has no"
                + " B/C/D tweaks)");
  }

  @Test
  void everyUnknownKeyIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                loader.load(
                    "train:\n  epochz: 3\n  batchsize: 4\nmodle: {}\n", "a.yaml", List.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "a.yaml:2: unknown key 'train.epochz'; allowed keys in 'train': accumulationSteps, batchSize, checkpointEveryEpochs, epochs,"
                            + " evalBatchSize, evalEveryEpochs, evalResolution, initWeights, keepCheckpoints, logEverySteps, lossScale, phases, precision, resolution,"
                            + " seed, stopAtTarget, targetAccuracy, targetMetric",
                        "a.yaml:3: unknown key 'train.batchsize'; allowed keys in 'train': accumulationSteps, batchSize, checkpointEveryEpochs, epochs,"
                            + " evalBatchSize, evalEveryEpochs, evalResolution, initWeights, keepCheckpoints, logEverySteps, lossScale, phases, precision, resolution,"
                            + " seed, stopAtTarget, targetAccuracy, targetMetric",
                        "a.yaml:4: unknown key 'modle'; allowed keys at the top level: data, distributed, model, name, optimizer, reference,"
                            + " scales, submission, threads, train"));
  }

  @Test
  void schedulesAreChosenByTypeAndCheckedByIt() {
    var o =
        loader
            .load(
                "optimizer:\n  schedule: {type: step, boundaries: [30, 60], factor: 0.1}\n"
                    + "  momentumSchedule: {type: dynamic_momentum, min: 0.85, max: 0.95, minLr: 0.1, maxLr: 1}\n",
                "a.yaml",
                List.of())
            .config()
            .optimizer();
    assertThat(o.schedule()).isEqualTo(new ScheduleSpec.Step(List.of(30.0, 60.0), null, null, 0.1));
    assertThat(o.momentumSchedule()).isEqualTo(new ScheduleSpec.Dynamic(0.85, 0.95, 0.1, 1.0));

    assertThatThrownBy(
            () -> loader.load("optimizer:\n  schedule: {type: cosine}\n", "a.yaml", List.of()))
        .hasMessage(
            "a.yaml:2: key 'optimizer.schedule.type' must be one of [constant, linear_warmup, linear_cosine,"
                + " polynomial, piecewise_linear, step], got 'cosine'");
    assertThatThrownBy(
            () ->
                loader.load(
                    "optimizer:\n  momentumSchedule: {type: linear_cosine}\n", "a.yaml", List.of()))
        .hasMessageContaining(
            "key 'optimizer.momentumSchedule.type' must be one of [constant, piecewise_linear, step,"
                + " dynamic_momentum], got 'linear_cosine'");
    assertThatThrownBy(
            () ->
                loader.load(
                    "optimizer:\n  schedule:\n    type: linear_cosine\n    decay_steps: 5\n",
                    "a.yaml",
                    List.of()))
        .hasMessageStartingWith(
            "a.yaml:4: unknown key 'optimizer.schedule.decay_steps'; allowed keys in"
                + " 'optimizer.schedule' (type linear_cosine): alpha, beta, decayEpochs, initial, numPeriods, startEpoch");
    assertThatThrownBy(
            () ->
                loader.load(
                    "optimizer:\n  schedule: {type: piecewise_linear, epochs: [0, 5]}\n",
                    "a.yaml",
                    List.of()))
        .hasMessage("a.yaml:2: optimizer.schedule needs key 'values'");
    assertThatThrownBy(
            () ->
                loader.load(
                    "optimizer:\n  schedule: {type: piecewise_linear, epochs: [0, 5], values: [1]}\n",
                    "a.yaml",
                    List.of()))
        .hasMessageContaining(
            "a.yaml:2: key 'optimizer.schedule' 'epochs' has 2 entries but"
                + " 'values' has 1; they must pair up");
    assertThatThrownBy(
            () ->
                loader.load(
                    "optimizer:\n  schedule:\n    type: linear_warmup\n    epochs: 2\n"
                        + "    after: {type: constant, value: fast}\n",
                    "a.yaml",
                    List.of()))
        .hasMessage(
            "a.yaml:5: key 'optimizer.schedule.after.value' must be a finite number, got 'fast'");
  }

  @Test
  void setReachesIntoASchedule() {
    var s =
        loader
            .load(
                "optimizer:\n  schedule: {type: linear_cosine, beta: 0.01}\n",
                "a.yaml",
                List.of("optimizer.schedule.initial=2.5"))
            .config()
            .optimizer()
            .schedule();
    assertThat(s).isEqualTo(new ScheduleSpec.LinearCosine(2.5, null, null, null, 0.01, null));
    assertThatThrownBy(() -> loader.load("", "a.yaml", List.of("optimizer.schedule.initail=2.5")))
        .hasMessageStartingWith(
            "--set optimizer.schedule.initail: unknown key 'optimizer.schedule.initail'");
  }

  @Test
  void theWrittenConfigReadsBackToTheSameRecords() {
    var loaded =
        loader.load(
            Path.of("..", "reference-configs", "huawei-2019-05.yaml"),
            "cpu",
            List.of("train.precision=fp16", "train.lossScale=512"));
    var again = loader.load(loader.toYaml(loaded.tree()), "config.yaml", List.of());
    assertThat(again.config()).isEqualTo(loaded.config());
  }

  @Test
  void committedRunFoldersStillLoadAsTheConfigTheyRecord() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("..", "results"))) {
      List<Path> configs =
          files.filter(p -> p.getFileName().toString().equals("config.yaml")).toList();
      assertThat(configs).isNotEmpty();
      for (Path f : configs) {
        // dawn infer's run folders record an inference config; every other run a training config
        if (dev.dawn.reporters.inference.InferenceRunRecord.isInferenceRun(f.getParent()))
          assertThat(InferenceConfigLoader.load(f, List.of(), List.of()).config().precisions())
              .as(f.toString())
              .isNotEmpty();
        else assertThat(loader.load(f, List.of()).config().name()).as(f.toString()).isNotBlank();
      }
    }
  }

  @Test
  void aScheduleKeyWrittenTheOldSnakeCaseWayNamesItsNewName() {
    assertThatThrownBy(
            () ->
                new ConfigLoader()
                    .load(
                        "optimizer:\n  schedule: {type: linear_cosine, decay_epochs: 5}\n",
                        "old.yaml",
                        List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("old.yaml:2")
        .hasMessageContaining("unknown key 'optimizer.schedule.decay_epochs'")
        .hasMessageContaining("'decay_epochs' is now 'decayEpochs': config keys are camelCase");
  }
}
