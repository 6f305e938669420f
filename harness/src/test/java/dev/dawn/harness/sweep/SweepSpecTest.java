package dev.dawn.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.harness.cli.DawnCli;
import dev.dawn.harness.config.ConfigException;
import dev.dawn.harness.config.WorkerLink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {

  @Test
  void gridAndZipExpandIntoCellsAndRepeatsInterleave(@TempDir Path dir) throws Exception {
    SweepSpec spec = SweepSpec.read(TinySweep.spec(dir, ""));
    assertThat(spec.name()).isEqualTo("tiny-sweep");
    assertThat(spec.base()).isEqualTo(dir.resolve("base.yaml").toAbsolutePath());
    assertThat(spec.axes()).hasSize(2);
    SweepPlan plan = SweepValidation.check(spec);
    assertThat(plan.cells())
        .extracting(SweepCell::describe)
        .containsExactly(
            "optimizer.name=momentum, train.batchSize=10, optimizer.learningRate=0.1",
            "optimizer.name=momentum, train.batchSize=20, optimizer.learningRate=0.2",
            "optimizer.name=lars, train.batchSize=10, optimizer.learningRate=0.1",
            "optimizer.name=lars, train.batchSize=20, optimizer.learningRate=0.2");
    assertThat(plan.runs())
        .extracting(r -> r.cell().number() + "/" + r.repeat() + "/" + r.seed())
        .containsExactly("1/1/7", "2/1/7", "3/1/7", "4/1/7", "1/2/8", "2/2/8", "3/2/8", "4/2/8");

    var loaded =
        SweepValidation.config(
            new dev.dawn.harness.config.ConfigLoader(), spec, plan.cells().get(3), 2, 8);
    assertThat(loaded.config().train().batchSize()).isEqualTo(20);
    assertThat(loaded.config().train().seed()).isEqualTo(8);
    assertThat(loaded.config().optimizer().learningRate()).isEqualTo(0.2);
    assertThat(loaded.config().name()).isEqualTo("tiny-sweep-c4-r2");
  }

  @Test
  void workersRunEveryRunOnThatManyProcessesAndTheBatchMustSplitOverThem(@TempDir Path dir)
      throws Exception {
    assertThat(SweepSpec.read(TinySweep.spec(dir, "")).workers()).isEqualTo(1);
    SweepSpec two = SweepSpec.read(TinySweep.spec(dir, "workers: 2\n"));
    assertThat(two.workers()).isEqualTo(2);
    assertThat(SweepValidation.check(two).runs()).hasSize(8); // 10 and 20 split over 2
    Path three = TinySweep.spec(dir, "workers: 3\n");
    assertThatThrownBy(() -> SweepValidation.check(SweepSpec.read(three)))
        .hasMessageContaining("key 'train.batchSize' (10) must be divisible by the worker count");
    assertThatThrownBy(() -> SweepSpec.read(TinySweep.spec(dir, "workers: 0\n")))
        .hasMessageContaining(":12: key 'workers' must be a whole number from 1 to 16");
    Path reserved = TinySweep.spec(dir, "");
    Files.writeString(
        reserved,
        Files.readString(reserved).replace("train.epochs: 1", "distributed.workers: ['a:1']"));
    assertThatThrownBy(() -> SweepSpec.read(reserved))
        .hasMessageContaining("key 'distributed.workers' is set by the sweep")
        .hasMessageContaining("the cluster from 'workers'");
  }

  @Test
  void aNetworkAxisNeedsWorkersAndNamesTheNetworksTheRunsUse(@TempDir Path dir) throws Exception {
    String axis = "  distributed.network: [loopback, 100mbit]\n";
    Path spec = TinySweep.spec(dir, "");
    Files.writeString(
        spec, Files.readString(spec).replace("grid:\n", "grid:\n" + axis) + "workers: 2\n");
    SweepSpec two = SweepSpec.read(spec);
    SweepPlan plan = SweepValidation.check(two);
    assertThat(plan.cells()).hasSize(8);
    assertThat(SweepValidation.networks(two, plan))
        .containsExactly(WorkerLink.LOOPBACK, WorkerLink.of("100mbit"));

    Files.writeString(spec, Files.readString(spec).replace("workers: 2\n", ""));
    assertThatThrownBy(() -> SweepValidation.check(SweepSpec.read(spec)))
        .hasMessageContaining(
            "key 'distributed.network' (100mbit) joins the workers of a dawn launch; this spec runs"
                + " each run as one dawn train: add 'workers: N'")
        .hasMessageNotContaining("(loopback)");
  }

  @Test
  void seedDefaultsToTheBaseConfigs(@TempDir Path dir) throws Exception {
    Path spec = TinySweep.spec(dir, "");
    Files.writeString(spec, Files.readString(spec).replace("seed: 7\n", ""));
    assertThat(SweepValidation.check(SweepSpec.read(spec)).firstSeed())
        .isEqualTo(42); // defaults.yaml train.seed
  }

  @Test
  void everyBadKeyAndValueIsListedWithTheSpecsLine(@TempDir Path dir) throws Exception {
    Path spec = TinySweep.spec(dir, "");
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace(
                "optimizer.name: [momentum, lars]",
                "optimizer.name: [momentum, adamw]\n  train.batchSise: [1, 2]"));
    assertThatThrownBy(() -> SweepValidation.check(SweepSpec.read(spec)))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              List<String> problems = ((ConfigException) e).problems();
              assertThat(problems)
                  .anyMatch(
                      p ->
                          p.startsWith(spec + ":6: ")
                              && p.contains("'optimizer.name'")
                              && p.contains("adamw"));
              assertThat(problems)
                  .anyMatch(p -> p.startsWith(spec + ":7: ") && p.contains("train.batchSise"));
            });
  }

  @Test
  void structuralMistakesAreAllReported(@TempDir Path dir) throws Exception {
    Path spec = TinySweep.spec(dir, "repeat: 3\n");
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace("optimizer.learningRate: [0.1, 0.2]", "optimizer.learningRate: [0.1]")
            .replace("train.epochs: 1", "train.seed: 1"));
    assertThatThrownBy(() -> SweepSpec.read(spec))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anySatisfy(p -> assertThat(p).contains("'repeat'"))
                    .anySatisfy(p -> assertThat(p).contains("equally long"))
                    .anySatisfy(
                        p -> assertThat(p).contains("train.seed").contains("set by the sweep")));
  }

  @Test
  void comparePairsMustNameSweptKeysAndExistingCells(@TempDir Path dir) throws Exception {
    SweepSpec good =
        SweepSpec.read(
            TinySweep.spec(
                dir,
                """
                compare:
                  - a: optimizer.name=momentum,train.batchSize=20
                    b: optimizer.name=lars,train.batchSize=20.0
                """));
    assertThat(good.name()).isEqualTo("tiny-sweep");
    Path spec =
        TinySweep.spec(
            dir,
            """
            compare:
              - a: optimizer.name=momentum,train.batchSise=20
                b: optimizer.name=adam
              - a: optimizer.name
                b: optimizer.name=lars
            """);
    assertThat(problems(spec))
        .containsExactly(
            spec
                + ":12: compare entry 2 (a): 'optimizer.name' is not key=value (a sweep"
                + " cell is named key=value,key=value)");
    Files.writeString(
        spec,
        Files.readString(spec).replace("  - a: optimizer.name\n", "  - a: optimizer.name=lars\n"));
    assertThat(problems(spec))
        .containsExactly(
            spec
                + ":12: compare entry 1 (a): train.batchSise is not a grid or zip key;"
                + " swept: [optimizer.learningRate, optimizer.name, train.batchSize]",
            spec + ":12: compare entry 1 (b): no cell has optimizer.name=adam");
  }

  /** What reading the spec refuses it for. */
  private static java.util.List<String> problems(Path spec) {
    try {
      SweepSpec.read(spec);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError(spec + " was read without a problem");
  }

  @Test
  void cliRefusesABadSpecBeforeAnyRun(@TempDir Path dir) throws Exception {
    Path spec = TinySweep.spec(dir, "");
    Files.writeString(
        spec,
        Files.readString(spec).replace("train.batchSize: [10, 20]", "train.batchSize: [10, big]"));
    Path results = dir.resolve("results");
    StringWriter err = new StringWriter();
    var cli = DawnCli.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("sweep", spec.toString(), "--results", results.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(spec + ":8: key 'train.batchSize' must be a whole number, got 'big'")
        .doesNotContain("Exception");
    assertThat(results).doesNotExist(); // no sweep folder, no run
    assertThat(dir.resolve("synthetic")).doesNotExist();
  }

  @Test
  void committedBenchSweepSpecBinds() {
    SweepPlan plan =
        SweepValidation.check(
            SweepSpec.read(Path.of("..", "reference-configs", "sweeps", "momentum-vs-lars.yaml")));
    assertThat(plan.cells()).hasSize(8);
    assertThat(plan.runs()).hasSize(24);
    assertThat(plan.cells().get(7).describe())
        .isEqualTo(
            "optimizer.name=lars, train.batchSize=1024, optimizer.learningRate=5.0,"
                + " optimizer.warmupEpochs=4");
  }

  @Test
  void committedFusionSweepSpecBindsOnTwoWorkers() {
    SweepSpec spec =
        SweepSpec.read(Path.of("..", "reference-configs", "sweeps", "fusion-2-workers.yaml"));
    SweepPlan plan = SweepValidation.check(spec);
    assertThat(spec.workers()).isEqualTo(2);
    assertThat(plan.runs()).hasSize(12);
    assertThat(plan.cells().get(11).describe())
        .isEqualTo(
            "distributed.fusion.thresholdBytes=67108864, train.batchSize=256, optimizer.learningRate=0.8");
  }

  @Test
  void committedFusionNetworkSpecSweepsRatesAndThresholdsAndItsCheckHasCellsOnBothSides() {
    SweepSpec spec =
        SweepSpec.read(
            Path.of("..", "reference-configs", "sweeps", "fusion-network-2-workers.yaml"));
    SweepPlan plan = SweepValidation.check(spec);
    assertThat(spec.workers()).isEqualTo(2);
    assertThat(plan.cells()).hasSize(24);
    assertThat(plan.runs()).hasSize(72);
    assertThat(SweepValidation.networks(spec, plan))
        .extracting(WorkerLink::toString)
        .containsExactly("50mbit", "200mbit", "1gbit", "loopback");
    // the emulated network's fit.cells select some of its cells, never all: the rest are checked
    var fitCells =
        dev.dawn.harness.project.NetworkFile.load(
                "emulated-tbf", Path.of("..", "reference-configs", "networks"), List.of())
            .spec()
            .fit()
            .cells()
            .stream()
            .map(c -> dev.dawn.reporters.compare.CellSelector.parse(c, "fit.cells"))
            .toList();
    long fitted =
        plan.cells().stream()
            .filter(c -> fitCells.stream().anyMatch(s -> s.matches(c.plainValues())))
            .count();
    assertThat(fitted).isEqualTo(12);
    SweepSpec four =
        SweepSpec.read(
            Path.of("..", "reference-configs", "sweeps", "fusion-network-4-workers.yaml"));
    assertThat(four.workers()).isEqualTo(4);
    assertThat(SweepValidation.check(four).runs()).hasSize(27);
  }

  @Test
  void committedBenchTrainSeedSpecIsOneCellOfFiveSeeds() {
    SweepPlan plan =
        SweepValidation.check(
            SweepSpec.read(Path.of("..", "reference-configs", "sweeps", "bench-train-seeds.yaml")));
    assertThat(plan.cells()).hasSize(1);
    assertThat(plan.runs())
        .extracting(SweepPlan.PlannedRun::seed)
        .doesNotHaveDuplicates()
        .hasSize(5);
  }

  @Test
  void documentedExampleSpecBinds(@TempDir Path dir) throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "sweeps.md"));
    String section = docs.substring(docs.indexOf("## Sweeps"));
    String yaml =
        section.substring(
            section.indexOf("```yaml\n") + 8,
            section.indexOf("```\n", section.indexOf("```yaml") + 7));
    Path specDir = Files.createDirectories(dir.resolve("sweeps"));
    Files.copy(
        Path.of("..", "reference-configs", "cpu-synthetic-resnet9.yaml"),
        dir.resolve("cpu-synthetic-resnet9.yaml"));
    Files.writeString(specDir.resolve("spec.yaml"), yaml);
    SweepPlan plan = SweepValidation.check(SweepSpec.read(specDir.resolve("spec.yaml")));
    assertThat(plan.cells()).hasSize(8);
    assertThat(plan.runs()).hasSize(24);
  }

  @Test
  void helpExplainsTheSpecAndOutputs() {
    StringWriter out = new StringWriter();
    var cli = DawnCli.commandLine();
    cli.setOut(new PrintWriter(out));
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(warnings, true));
    try {
      assertThat(cli.execute("sweep", "--help")).isZero();
    } finally {
      System.setErr(err);
    }
    assertThat(out.toString())
        .contains("'grid:'", "'zip:'", "--resume", "95% bootstrap interval", "summary.csv");
    assertThat(warnings.toString()).doesNotContain("Could not format"); // a bare % in a description
  }

  @Test
  void structuralAndValueProblemsOfTheWholeSpecAreListedAtOnce(@TempDir Path dir) throws Exception {
    Path spec = TinySweep.spec(dir, "repeat: 3\n");
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace(
                "train.epochs: 1",
                "train.epochs: many\n  train.seed: 1\n  optimizer.momentum: high")
            .replace("optimizer.name: [momentum, lars]", "optimizer.name: [momentum, adamw]"));
    assertThatThrownBy(() -> SweepValidation.check(SweepSpec.parse(spec, null), 200))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anySatisfy(p -> assertThat(p).contains("unknown key 'repeat'"))
                    .anySatisfy(
                        p -> assertThat(p).contains("train.seed").contains("set by the sweep"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("key 'train.epochs' must be a whole number, got 'many'"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains(
                                    "key 'optimizer.momentum' must be a finite number, got 'high'"))
                    .anySatisfy(p -> assertThat(p).contains("'optimizer.name'").contains("adamw"))
                    .hasSize(5));
  }

  @Test
  void aSweepLargerThanTheRunCapIsRefusedUnlessTheFlagRaisesIt(@TempDir Path dir) throws Exception {
    Path spec = TinySweep.spec(dir, "");
    Files.writeString(spec, Files.readString(spec).replace("repeats: 2", "repeats: 60"));
    // 2 x 2 cells x 60 repeats = 240 runs
    assertThatThrownBy(() -> SweepValidation.check(SweepSpec.parse(spec, null), 200))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .singleElement()
                    .asString()
                    .isEqualTo(
                        spec
                            + ":10: the spec plans 240 runs (2 x 2 cells x 60 repeats), more than"
                            + " --max-runs 200: shrink the grid, or raise --max-runs to run them all"));
    assertThat(SweepValidation.check(SweepSpec.parse(spec, null), 240).runs()).hasSize(240);
  }

  @Test
  void thePlannedTimeIsEveryRunToItsBudgetAndGrowsWithIt(@TempDir Path dir) throws Exception {
    Path hardware = Path.of("..", "reference-configs", "hardware");
    Path stacks = Path.of("..", "reference-configs", "stacks");
    Path spec = TinySweep.spec(dir, "");
    SweepSpec one = SweepSpec.read(spec);
    double hours =
        PlannedTime.hours(one, SweepValidation.check(one), hardware, stacks).orElseThrow();
    assertThat(hours).isPositive().isLessThan(1); // 8 runs of one 100-image epoch
    // twice the epochs and three times the repeats: six times the planned time
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace("train.epochs: 1", "train.epochs: 2")
            .replace("repeats: 2", "repeats: 6"));
    SweepSpec more = SweepSpec.read(spec);
    double six =
        PlannedTime.hours(more, SweepValidation.check(more), hardware, stacks).orElseThrow();
    assertThat(six).isCloseTo(6 * hours, org.assertj.core.data.Offset.offset(1e-9 * six));
    assertThat(PlannedTime.hours(one, SweepValidation.check(one), dir, stacks))
        .as("no hardware file: no estimate")
        .isEmpty();
  }
}
