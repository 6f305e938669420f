package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.MlLogLine;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.mlperf.ComplianceCheck;
import dev.dawn.reporters.mlperf.ComplianceReport;
import dev.dawn.reporters.mlperf.TrainingRules;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tiny runs, their logs held against MLPerf Training 3.0.0's rules: a ResNet-9 run in the open
 * division (common.yaml and what it leads to), and a ResNet-50 LARS run in the closed division
 * (closed_resnet_lars.yaml). Dawn's own reading of the rules always runs; MLPerf's checker runs too
 * where {@code $MLPERF_LOGGING} names a checkout of github.com/mlcommons/logging and python3 has
 * PyYAML.
 */
class MlPerfLogTest {
  @TempDir static Path shared;
  static Path resnet9Run;
  static Path larsRun;

  /** 10 classes of 30 training images: batch 20 gives 15 steps per epoch. */
  private static final String DATA =
      "data: {path: %s, synthetic: {classes: 10, trainPerClass: 30, valPerClass: 6, imageSize: 40}}\n";

  @BeforeAll
  static void train() throws Exception {
    Path synthetic = shared.resolve("synthetic");
    resnet9Run =
        train(
            "resnet9-open",
            """
            model: {architecture: resnet9, width: 0.25}
            train: {epochs: 2, batchSize: 20, evalBatchSize: 30, targetAccuracy: 100.0, evalEveryEpochs: 0.5}
            """,
            synthetic);
    // Reaches its (tiny) target at the end of its only epoch: run_stop says success.
    larsRun =
        train(
            "resnet50-lars-closed",
            """
            model: {architecture: resnet50, width: 0.125, variant: B}
            train: {epochs: 1, batchSize: 20, evalBatchSize: 30, targetAccuracy: 1.0}
            optimizer:
              name: lars
              learningRate: 1.0
              weightDecay: 0.0001
              larsEpsilon: 0
              warmupEpochs: 0.5
              schedule: {type: polynomial, end: 0.0001, power: 2}
              momentumSchedule: {type: constant}
            submission: {mlperfDivision: closed, mlperfStatus: onprem}
            """,
            synthetic);
  }

  private static Path train(String name, String recipe, Path synthetic) throws Exception {
    Path config = shared.resolve(name + ".yaml");
    Files.writeString(config, "name: " + name + "\n" + DATA.formatted(synthetic) + recipe);
    Path results = shared.resolve("results-" + name);
    TrainCommandTest.Run run =
        TrainCommandTest.dawn(
            "train", "--config", config.toString(), "--results", results.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isIn(0, 3);
    return TrainCommandTest.runFolders(results).get(0);
  }

  private static List<Event> events(Path run) {
    return EventLogReader.read(run.resolve(RunFolder.EVENTS));
  }

  private static List<String> keys(List<Event> events) {
    return events.stream().map(Event::key).toList();
  }

  @Test
  void initialisationComesFirstAndTheRunFollowsInMlperfsOrder() {
    List<Event> events = events(resnet9Run);
    List<String> keys = keys(events);
    assertThat(keys.get(0)).isEqualTo(MlLogKeys.INIT_START);
    assertThat(keys.get(keys.size() - 1)).isEqualTo(MlLogKeys.RUN_STOP);
    int initStop = keys.indexOf(MlLogKeys.INIT_STOP);
    assertThat(keys.indexOf(MlLogKeys.RUN_START)).isEqualTo(initStop + 1);
    for (String key :
        List.of(
            MlLogKeys.CACHE_CLEAR,
            MlLogKeys.SUBMISSION_BENCHMARK,
            MlLogKeys.SUBMISSION_ORG,
            MlLogKeys.SUBMISSION_DIVISION,
            MlLogKeys.SUBMISSION_STATUS,
            MlLogKeys.SUBMISSION_PLATFORM,
            MlLogKeys.TRAIN_SAMPLES,
            MlLogKeys.EVAL_SAMPLES,
            MlLogKeys.GLOBAL_BATCH_SIZE,
            MlLogKeys.OPT_NAME,
            MlLogKeys.GRADIENT_ACCUMULATION_STEPS,
            MlLogKeys.SEED)) {
      assertThat(keys).as(key).containsOnlyOnce(key);
      assertThat(keys.indexOf(key)).as(key + " during initialisation").isBetween(1, initStop);
    }
    for (String key : List.of(MlLogKeys.INIT_START, MlLogKeys.INIT_STOP, MlLogKeys.RUN_START)) {
      assertThat(keys).as(key).containsOnlyOnce(key);
    }
    // Nothing touches the data before run_start: every epoch, step and evaluation comes after it.
    for (String key :
        List.of(
            MlLogKeys.EPOCH_START,
            MlLogKeys.EPOCH_STOP,
            MlLogKeys.EVAL_START,
            MlLogKeys.EVAL_STOP,
            MlLogKeys.EVAL_ACCURACY,
            MlLogKeys.TRAIN_STEP)) {
      assertThat(keys.indexOf(key)).as(key + " after run_start").isGreaterThan(initStop + 1);
    }
    // 2 epochs evaluated twice each (halfway and at the end)
    assertThat(keys.stream().filter(MlLogKeys.EPOCH_START::equals)).hasSize(2);
    assertThat(keys.stream().filter(MlLogKeys.EVAL_ACCURACY::equals)).hasSize(4);
    // init_start is stamped when preparation began, so times never go back
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).timeMs()).isGreaterThanOrEqualTo(events.get(i - 1).timeMs());
    }
    RunStop stop = RunStop.KIND.decode(events.get(events.size() - 1));
    assertThat(stop.mlperfStatus()).isEqualTo(RunStop.MLPERF_ABORTED);
    assertThat(RunRecord.fromEvents(events).status()).isEqualTo("target_not_reached");
  }

  @Test
  void theOpenRunKeepsEveryRuleOfCommonYaml() {
    ComplianceReport report = ComplianceCheck.run(events(resnet9Run));
    assertThat(report.problems()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.files())
        .containsExactly(
            "training_3.0.0/common.yaml",
            "training_3.0.0/open_common.yaml",
            "training_3.0.0/open_resnet.yaml");
    // eval_accuracy's value is top-1, MLPerf ResNet-50's metric
    for (Event e : events(resnet9Run)) {
      if (e.key().equals(MlLogKeys.EVAL_ACCURACY)) {
        assertThat(e.value()).isEqualTo(e.meta(MlLogKeys.META_TOP1_ACCURACY));
      }
    }
  }

  @Test
  void theLarsRunHasTheLarsKeysAndMissesOnlyTheClosedQualityTarget() {
    List<Event> events = events(larsRun);
    assertThat(ComplianceCheck.run(events, TrainingRules.CLOSED_RESNET_LARS).problems()).isEmpty();
    ComplianceReport closed = ComplianceCheck.run(events);
    assertThat(closed.files()).last().isEqualTo(TrainingRules.CLOSED_RESNET_LARS);
    // A closed run must reach 75.9% top-1; 15 steps of a tiny net do not, and nothing else fails.
    assertThat(closed.problems())
        .singleElement()
        .asString()
        .contains("closed_resnet.yaml: eval_accuracy")
        .contains("0.7590");
    // 15 steps per epoch; the decay runs from the end of the warmup (epoch 0.5) to epoch 1
    long stepsPerEpoch = 300 / 20;
    long warmupSteps = (long) Math.ceil(0.5 * stepsPerEpoch);
    assertThat(((Number) value(events, MlLogKeys.LARS_OPT_LEARNING_RATE_DECAY_STEPS)).longValue())
        .isEqualTo(stepsPerEpoch - warmupSteps);
    assertThat(value(events, MlLogKeys.LARS_EPSILON)).isEqualTo(0.0);
    assertThat(value(events, MlLogKeys.MODEL_BN_SPAN)).isEqualTo(20);
    assertThat(value(events, MlLogKeys.OPT_NAME)).isEqualTo("lars");
    assertThat(events.get(events.size() - 1).meta("status")).isEqualTo(RunStop.MLPERF_SUCCESS);
  }

  private static Object value(List<Event> events, String key) {
    return events.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void exportWritesOneMllogLinePerEventThatNoOtherKeyCanBeMistakenFor() throws Exception {
    Path dir = shared.resolve("mlperf-open");
    TrainCommandTest.Run run =
        TrainCommandTest.dawn("export", resnet9Run.toString(), "--mlperf", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("wrote " + dir.resolve("result_0.txt"))
        .contains("(common.yaml, open_common.yaml, open_resnet.yaml): no problem found");
    List<String> lines = Files.readAllLines(dir.resolve("result_0.txt"), StandardCharsets.US_ASCII);
    List<Event> events = events(resnet9Run);
    assertThat(lines).hasSize(events.size()).allMatch(l -> l.startsWith(MlLogLine.PREFIX));
    // MLPerf's RCP checker finds these keys by substring anywhere in a line.
    for (String key :
        List.of(
            MlLogKeys.EVAL_ACCURACY,
            MlLogKeys.GLOBAL_BATCH_SIZE,
            MlLogKeys.RUN_STOP,
            MlLogKeys.SUBMISSION_BENCHMARK,
            "eval_error")) {
      for (int i = 0; i < lines.size(); i++) {
        if (!events.get(i).key().equals(key)) {
          assertThat(lines.get(i)).as("line %d", i + 1).doesNotContain(key);
        }
      }
    }
  }

  @Test
  void exportNumbersTheRunsInTheOrderGiven() throws Exception {
    Path dir = shared.resolve("mlperf-two");
    TrainCommandTest.Run run =
        TrainCommandTest.dawn(
            "export", larsRun.toString(), resnet9Run.toString(), "--mlperf", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("result_0.txt")))
        .hasSize(events(larsRun).size())
        .anySatisfy(l -> assertThat(l).contains(larsRun.getFileName().toString()));
    assertThat(Files.readAllLines(dir.resolve("result_1.txt")))
        .hasSize(events(resnet9Run).size())
        .anySatisfy(l -> assertThat(l).contains(resnet9Run.getFileName().toString()));
  }

  @Test
  void exportRefusesAFolderWithOtherRunsResultFilesOrAFile() throws Exception {
    Path dir = Files.createDirectories(shared.resolve("mlperf-stale"));
    Files.writeString(dir.resolve("result_3.txt"), "");
    TrainCommandTest.Run run =
        TrainCommandTest.dawn("export", resnet9Run.toString(), "--mlperf", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("result_3.txt").doesNotContain("Exception");
    assertThat(dir.resolve("result_0.txt")).doesNotExist();
    Path file = Files.writeString(shared.resolve("not-a-folder"), "");
    assertThat(
            TrainCommandTest.dawn("export", resnet9Run.toString(), "--mlperf", file.toString())
                .exit())
        .isEqualTo(2);
  }

  @Test
  void mlperfsCheckerPrintsSuccessForCommonYamlOnTheSyntheticRun() throws Exception {
    Path dir = shared.resolve("mlperf-checker-open");
    assertThat(
            TrainCommandTest.dawn("export", resnet9Run.toString(), "--mlperf", dir.toString())
                .exit())
        .isZero();
    Result checked = officialChecker(dir.resolve("result_0.txt"), null);
    assertThat(checked.exit).as(checked.output).isZero();
    assertThat(checked.output).contains("SUCCESS");
  }

  @Test
  void mlperfsCheckerPrintsSuccessForClosedResnetLarsOnTheLarsRun() throws Exception {
    Path dir = shared.resolve("mlperf-checker-lars");
    assertThat(
            TrainCommandTest.dawn("export", larsRun.toString(), "--mlperf", dir.toString()).exit())
        .isZero();
    Result checked = officialChecker(dir.resolve("result_0.txt"), TrainingRules.CLOSED_RESNET_LARS);
    assertThat(checked.exit).as(checked.output).isZero();
    assertThat(checked.output).contains("SUCCESS");
  }

  /**
   * A log written before dawn followed MLPerf's rules (run_start first, no init or submission
   * lines): MLPerf's checker fails it, naming each key dawn's reading names.
   */
  @Test
  void mlperfsCheckerAndDawnsReadingAgreeOnALogWrittenBeforeTheRules() throws Exception {
    Path old = Files.createDirectories(shared.resolve("older-run"));
    Files.copy(
        Path.of("src/test/resources/runs/imagenet-reached/events.jsonl"),
        old.resolve(RunFolder.EVENTS));
    ComplianceReport reading = ComplianceCheck.run(events(old));
    assertThat(reading.problems()).hasSizeGreaterThanOrEqualTo(5);
    Path dir = shared.resolve("mlperf-checker-older");
    TrainCommandTest.Run export =
        TrainCommandTest.dawn("export", old.toString(), "--mlperf", dir.toString());
    assertThat(export.exit()).isZero();
    assertThat(export.out()).contains(reading.problems().size() + " problem(s)");
    Result checked = officialChecker(dir.resolve("result_0.txt"), null);
    assertThat(checked.output).contains("FAILED");
    assertThat(checked.exit).isNotZero();
    for (String problem : reading.problems()) {
      // "training_3.0.0/common.yaml: [line N: ]KEY: ..." or "...: required at least one of [A,
      // B]..."
      String[] parts = problem.split(": ");
      String named = parts[1].startsWith("line ") ? parts[2] : parts[1];
      List<String> keys =
          named.contains("[")
              ? List.of(named.substring(named.indexOf('[') + 1, named.indexOf(']')).split(", "))
              : List.of(named);
      keys.forEach(k -> assertThat(checked.output).as(problem).contains("'" + k + "'"));
    }
    // one message of the checker per problem dawn reads
    assertThat(checked.output.split("Required |CHECK for '|Failed checks for ", -1).length - 1)
        .isEqualTo(reading.problems().size());
  }

  /**
   * MLPerf's compliance checker on {@code file} ({@code config} null: its default, common.yaml):
   * its exit status and all its output; skips the test when it cannot run here.
   */
  private static Result officialChecker(Path file, String config) throws Exception {
    String checkout = System.getenv("MLPERF_LOGGING");
    String howTo =
        "MLPerf's compliance checker not run: set MLPERF_LOGGING to a checkout of "
            + "github.com/mlcommons/logging (needs python3 with PyYAML), e.g. "
            + "MLPERF_LOGGING=/tmp/mlperf-logging mvn -pl harness -am test -Dtest=MlPerfLogTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false";
    Assumptions.assumeTrue(
        checkout != null
            && Files.isDirectory(Path.of(checkout, "mlperf_logging", "compliance_checker")),
        howTo);
    Assumptions.assumeTrue(
        python(Path.of(checkout), List.of("-c", "import yaml")).exit == 0,
        howTo + " (python3 or PyYAML missing)");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-m",
                "mlperf_logging.compliance_checker",
                "--usage",
                "training",
                "--ruleset",
                TrainingRules.RULESET,
                "--log_output",
                file.resolveSibling("compliance_checker.log").toString()));
    if (config != null) args.addAll(List.of("--config", config));
    args.add(file.toString());
    return python(Path.of(checkout), args);
  }

  private record Result(int exit, String output) {}

  private static Result python(Path dir, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(args);
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException noPython) {
      return new Result(-1, String.valueOf(noPython));
    }
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        return new Result(-1, "python3 " + args + " did not finish within 120 s");
      }
      return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    } finally {
      p.destroyForcibly();
    }
  }
}
