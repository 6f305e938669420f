package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.DawnCli;
import dev.dawn.harness.train.RecipeSchedules;
import dev.dawn.harness.train.ScheduleSamples;
import dev.dawn.workloads.models.arch.Architecture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every config in reference-configs/ that names a published result: it loads in its full and its
 * cpu form, its schedules build and stay sane over all its epochs, its phases cover its epochs, it
 * says where its numbers come from, and its cpu form really trains (one drastically shrunk epoch
 * through the whole CLI).
 */
class ReferenceConfigsTest {
  static final Path DIR = Path.of("..", "reference-configs");
  static final List<String> SUBMISSIONS =
      List.of(
          "huawei-2019-03",
          "huawei-2019-05",
          "alibaba-2020-03",
          "fastai-2018-09",
          "google-tpupod-2018-04",
          "page-resnet9-cifar10",
          "airbench94-cifar10");

  @TempDir static Path shared;

  static Stream<Path> referenceConfigs() throws Exception {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        if (!new ConfigLoader().load(f, List.of()).config().reference().isEmpty()) out.add(f);
      }
    }
    return out.stream();
  }

  @Test
  void everyNamedSubmissionHasItsReferenceConfig() throws Exception {
    List<String> names =
        referenceConfigs().map(f -> new ConfigLoader().load(f, List.of()).config().name()).toList();
    assertThat(names).containsAll(SUBMISSIONS);
    for (String name : SUBMISSIONS) assertThat(DIR.resolve(name + ".yaml")).isRegularFile();
  }

  @ParameterizedTest
  @MethodSource("referenceConfigs")
  void loadsInBothFormsWithSaneSchedulesAndSaysWhereItsNumbersComeFrom(Path file) {
    var loader = new ConfigLoader();
    TrainConfig full = loader.load(file, List.of()).config();
    TrainConfig cpu = loader.load(file, "cpu", List.of()).config();

    assertThat(file.getFileName().toString()).isEqualTo(full.name() + ".yaml");
    Map<String, Object> ref = full.reference();
    for (String key :
        List.of("published", "publishedSeconds", "metric", "hardware", "source", "date")) {
      assertThat(ref).as(file + " reference." + key).containsKey(key);
      assertThat(String.valueOf(ref.get(key))).as(file + " reference." + key).isNotBlank();
    }
    assertThat(((Number) ref.get("publishedSeconds")).doubleValue()).isPositive();
    assertThat(ref.get("notYetModelled"))
        .as(file + " reference.notYetModelled")
        .isInstanceOf(List.class);
    assertThat((List<?>) ref.get("notYetModelled"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s).isInstanceOf(String.class));

    // The full form names real data at full width; the cpu form runs on the embedded set under its
    // own run name.
    assertThat(full.data().kind()).isIn(DataKind.IMAGENET, DataKind.CIFAR10);
    assertThat(cpu.data().kind()).isEqualTo(DataKind.SYNTHETIC);
    assertThat(cpu.name()).isEqualTo(full.name() + "-cpu");
    assertThat(cpu.model().architecture())
        .as("the cpu form keeps the architecture")
        .isEqualTo(full.model().architecture());
    assertThat(cpu.model().width()).isLessThan(full.model().width());
    assertThat(cpu.optimizer().name())
        .as("the cpu form keeps the optimizer")
        .isEqualTo(full.optimizer().name());
    assertThat(cpu.optimizer().schedule().typeName())
        .as("the cpu form keeps the schedule type")
        .isEqualTo(full.optimizer().schedule().typeName());
    assertThat(cpu.optimizer().momentumSchedule().typeName())
        .isEqualTo(full.optimizer().momentumSchedule().typeName());
    assertThat(cpu.train().phases().size())
        .as("the cpu form keeps the number of phases")
        .isEqualTo(full.train().phases().size());

    for (TrainConfig c : List.of(full, cpu)) {
      String where = file + (c == cpu ? " --scale cpu" : "");
      if (!c.train().phases().isEmpty()) {
        assertThat(c.train().phases().stream().mapToInt(TrainConfig.Phase::epochs).sum())
            .as(where + ": phases cover train.epochs")
            .isEqualTo(c.train().epochs());
      }
      RecipeSchedules.of(c);
      var samples = ScheduleSamples.of(c, 50);
      for (int i = 0; i < samples.epochs().length; i++) {
        double lr = samples.learningRate()[i];
        double m = samples.momentum()[i];
        assertThat(lr)
            .as(where + " lr at epoch " + samples.epochs()[i])
            .isFinite()
            .isBetween(0.0, c.optimizer().learningRate() * 1.01);
        assertThat(m).as(where + " momentum at epoch " + samples.epochs()[i]).isBetween(0.0, 0.999);
      }
      double peak = java.util.Arrays.stream(samples.learningRate()).max().orElseThrow();
      assertThat(peak)
          .as(where + ": optimizer.learningRate is the schedule's peak")
          .isCloseTo(
              c.optimizer().learningRate(), org.assertj.core.data.Percentage.withPercentage(1));
    }
  }

  @ParameterizedTest
  @MethodSource("referenceConfigs")
  void scaledFormTrainsOneShrunkEpochThroughTheCli(Path file) throws Exception {
    Path results = shared.resolve("results-" + file.getFileName());
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--config",
                file.toString(),
                "--scale",
                "cpu",
                "--results",
                results.toString()));
    // Building ResNet-50's training graph takes 25-60 s on a loaded 2-core machine, so this smoke
    // run swaps in
    // ResNet-18 (same stem, stages and variant); the optimizer, schedules and phase switching are
    // the recipe's own.
    if (new ConfigLoader().load(file, "cpu", List.of()).config().model().architecture()
        == Architecture.RESNET50) {
      args.addAll(List.of("--set", "model.architecture=resnet18"));
    }
    for (String set :
        List.of(
            "data.path=" + shared.resolve("synthetic-4"),
            "data.synthetic.classes=4",
            "data.synthetic.trainPerClass=8",
            "data.synthetic.valPerClass=2",
            "data.synthetic.imageSize=16",
            "data.workers=1",
            "model.width=0.125",
            "train.epochs=1",
            "train.batchSize=8",
            "train.resolution=16",
            "train.evalResolution=16",
            "train.evalBatchSize=8",
            "train.targetAccuracy=100",
            "train.phases=[{epochs: 1, resolution: 16, batchSize: 8}]",
            "threads.intraOp=1",
            "threads.interOp=1")) {
      args.add("--set");
      args.add(set);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = DawnCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args.toArray(String[]::new));
    assertThat(exit).as(file + ": " + err).isIn(0, 3);
    List<Path> runs;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      runs = s.toList();
    }
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getFileName().toString())
        .endsWith("-" + file.getFileName().toString().replace(".yaml", "") + "-cpu");
    try (Stream<Path> s = Files.list(runs.get(0))) {
      assertThat(s.filter(p -> p.toString().endsWith(".tsv")).toList())
          .as("DAWNBench TSV in " + runs.get(0))
          .hasSize(1);
    }
  }
}
