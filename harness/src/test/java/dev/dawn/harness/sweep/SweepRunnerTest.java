package dev.dawn.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.harness.train.ProgressLine;
import dev.dawn.reporters.events.DawnbenchEntryFields;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStart;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.events.SweepRunStart;
import dev.dawn.reporters.html.ComparisonReport;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.sweep.SweepFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's bookkeeping with a stand-in for {@code dawn train} that writes a run folder in
 * milliseconds; the real child processes are exercised by {@link SweepKillResumeTest}.
 */
class SweepRunnerTest {

  /**
   * Writes a one-epoch run that reaches the target after {@code seconds(name)}; fails cell 2 repeat
   * 1.
   */
  static final class FakeTrain implements RunLauncher {
    final List<String> launched = new ArrayList<>();
    String failing = "tiny-sweep-c2-r1";
    String crashing;
    String failingEarly;

    /**
     * A run's step split, {compute ms, exposed communication ms}, from its arguments; null writes
     * an epoch without one (one process). By default cell 1 ran on 2 workers.
     */
    java.util.function.Function<List<String>, double[]> stepSplit =
        args -> {
          String name = value(args, "name");
          int repeat = Integer.parseInt(name.replaceAll(".*-r(\\d+)", "$1"));
          return name.contains("-c1-") ? new double[] {40.0 + repeat, 10.0 * repeat} : null;
        };

    @Override
    public int train(List<String> args, Path log) throws IOException {
      String name = config(args).path("name").asText();
      launched.add(name);
      if (name.equals(crashing)) throw new IllegalStateException("sweep killed");
      if (name.equals(failing)) {
        Files.writeString(log, "dawn train: failed: java.lang.OutOfMemoryError: Java heap space\n");
        return 1;
      }
      Path dir = Files.createDirectories(Path.of(args.get(args.indexOf("--run-folder") + 1)));
      if (name.equals(failingEarly)) { // failed before its DAWNBench fields were written
        try (EventLog events = EventLog.append(dir.resolve(RunFolder.EVENTS))) {
          events.write(new RunStart(name));
          events.write(RunStop.of(RunStatus.FAILED, "java.lang.IllegalStateException: no device"));
        }
        return 1;
      }
      int cell = Integer.parseInt(name.replaceAll(".*-c(\\d+)-r.*", "$1"));
      int repeat = Integer.parseInt(name.replaceAll(".*-r(\\d+)", "$1"));
      long trainMs = 1000L * (10 * cell + repeat);
      try (EventLog events = EventLog.append(dir.resolve(RunFolder.EVENTS))) {
        events.write(new RunStart(name));
        events.write(
            new DawnbenchEntryFields(
                Map.of(
                    "dataset",
                    "ImageNet",
                    "fileBasename",
                    name,
                    "author",
                    "a",
                    "authorEmail",
                    "a@example.org",
                    "framework",
                    "TF",
                    "model",
                    "m",
                    "hardware",
                    "h",
                    "timestamp",
                    "2026-11-30",
                    "metric",
                    "top5Accuracy",
                    "threshold",
                    93.0)));
        double[] split = stepSplit.apply(args);
        events.write(
            split != null
                ? new EpochStop(
                    1, trainMs, trainMs, 1.0, 0.1, 100.0, 100L, 0L, 1, 3, 4000L, 2, split[0],
                    split[1])
                : new EpochStop(1, trainMs, trainMs, 1.0, 0.1, 100.0 * cell, 100L, 0L));
        boolean reached = !(cell == 4 && repeat == 2);
        events.write(new EvalAccuracy(1, 0.5, reached ? 0.95 : 0.5, 10L, 0L));
        events.write(RunStop.of(reached ? RunStatus.SUCCESS : RunStatus.TARGET_NOT_REACHED, null));
      }
      return cell == 4 && repeat == 2 ? 3 : 0;
    }

    /** A key of the config file the sweep wrote for the run, e.g. {@code distributed.network}. */
    static String value(List<String> args, String dottedKey) {
      try {
        com.fasterxml.jackson.databind.JsonNode node = config(args);
        for (String part : dottedKey.split("\\.")) node = node.path(part);
        return node.asText();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The config file the sweep wrote for the run. */
    static com.fasterxml.jackson.databind.JsonNode config(List<String> args) throws IOException {
      return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
          .readTree(Path.of(args.get(args.indexOf("--config") + 1)).toFile());
    }
  }

  private static ProgressLine quiet(ByteArrayOutputStream out) {
    return new ProgressLine(new PrintStream(out, true), false, 1);
  }

  private static SweepRunner runner(
      Path sweepDir, RunLauncher launcher, ByteArrayOutputStream out) {
    SweepSpec spec = SweepFolder.savedSpec(sweepDir);
    return new SweepRunner(spec, SweepValidation.check(spec), sweepDir, launcher, quiet(out));
  }

  @Test
  void runsInterleavedRecordsAFailedRunAndGoesOn(@TempDir Path dir) throws Exception {
    SweepSpec spec = SweepSpec.read(TinySweep.spec(dir, ""));
    Path sweepDir =
        SweepFolder.create(dir.resolve("results"), spec, LocalDateTime.of(2026, 11, 30, 6, 0))
            .dir();
    assertThat(sweepDir.getFileName().toString()).isEqualTo("20261130-060000-tiny-sweep");
    FakeTrain train = new FakeTrain();
    train.failingEarly = "tiny-sweep-c3-r2";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    var outcome = runner(sweepDir, train, out).run();

    assertThat(train.launched)
        .containsExactly(
            "tiny-sweep-c1-r1",
            "tiny-sweep-c2-r1",
            "tiny-sweep-c3-r1",
            "tiny-sweep-c4-r1",
            "tiny-sweep-c1-r2",
            "tiny-sweep-c2-r2",
            "tiny-sweep-c3-r2",
            "tiny-sweep-c4-r2");
    assertThat(outcome.ran()).isEqualTo(8);
    assertThat(outcome.statuses())
        .containsEntry("success", 5)
        .containsEntry("failed", 2)
        .containsEntry("target_not_reached", 1);
    assertThat(out.toString())
        .contains(
            "cell 3 of 4 (optimizer.name=lars, train.batchSize=10, "
                + "optimizer.learningRate=0.1), repeat 1 of 2, run 3 of 8, ETA");

    List<String> runs = Files.readAllLines(sweepDir.resolve(SweepFiles.RUNS_CSV));
    assertThat(runs.get(0))
        .isEqualTo(
            "cell,repeat,optimizer.name,train.batchSize,optimizer.learningRate,seed,status,"
                + "exit_code,time_to_target_s,target_epoch,epochs,images_per_second,best_accuracy,"
                + "compute_ms_per_step,exposed_comm_ms_per_step,run_folder");
    assertThat(runs).hasSize(9);
    assertThat(runs.get(2)).isEqualTo("2,1,momentum,20,0.2,7,failed,1,,,0,,,,,");
    assertThat(runs.get(5))
        .matches(
            "1,2,momentum,10,0.1,8,success,0,12.0,1,1,100.0,95.0,42.0,20.0,"
                + "runs/\\d{8}-\\d{6}-tiny-sweep-c1-r2");

    List<String> summary = Files.readAllLines(sweepDir.resolve(SweepFiles.SUMMARY_CSV));
    assertThat(summary.get(0))
        .isEqualTo(
            "cell,optimizer.name,train.batchSize,optimizer.learningRate,n,reached,"
                + "median_s,mean_s,olympic_mean_s,min_s,max_s,stdev_s,ci95_low_s,ci95_high_s,"
                + "best_accuracy_median,target_epoch_median,target_epoch_ci95_low,"
                + "target_epoch_ci95_high,best_accuracy_ci95_low,best_accuracy_ci95_high,"
                + "images_per_second_median,images_per_second_ci95_low,images_per_second_ci95_high,"
                + "compute_ms_per_step_median,compute_ms_per_step_ci95_low,"
                + "compute_ms_per_step_ci95_high,exposed_comm_ms_per_step_median,"
                + "exposed_comm_ms_per_step_ci95_low,exposed_comm_ms_per_step_ci95_high");
    assertThat(summary).hasSize(5);
    assertThat(summary.get(1))
        .startsWith("1,momentum,10,0.1,2,2,11.5,11.5,11.5,11.0,12.0,0.707107,11.0,12.0")
        .endsWith(",41.5,41.0,42.0,15.0,10.0,20.0");
    assertThat(summary.get(2)).endsWith(",,,,,,");
    // The failed run counts as a miss: n 2, reached 1, no finite mean or max.
    assertThat(summary.get(2)).startsWith("2,momentum,20,0.2,2,1,,,,22.0,,,");
    assertThat(summary.get(3)).startsWith("3,lars,10,0.1,2,1,,,,31.0,,,");
    assertThat(summary.get(4)).startsWith("4,lars,20,0.2,2,1,,,,41.0,,,");
    assertThat(runs.get(7))
        .matches("3,2,lars,10,0.1,8,failed,1,,,0,,,,,runs/\\d{8}-\\d{6}-tiny-sweep-c3-r2");
    assertThat(sweepDir.resolve("time-to-target-vs-train.batchSize.png")).isRegularFile();
    // The learning rate is zipped with the batch size: no axis of its own, no chart against it.
    assertThat(sweepDir.resolve("time-to-target-vs-optimizer.learningRate.png")).doesNotExist();
    assertThat(sweepDir.resolve("images-per-second-vs-train.batchSize.png")).isRegularFile();
    assertThat(sweepDir.resolve("best-accuracy-vs-train.batchSize.png")).isRegularFile();
    assertThat(Files.readString(sweepDir.resolve("logs/tiny-sweep-c2-r1.log")))
        .contains("OutOfMemoryError");

    String html =
        ComparisonReport.render(
            List.of(), List.of(), List.of(sweepDir), sweepDir.resolve("report.html"));
    assertThat(html)
        .contains(
            "<h2>Sweep <code>20261130-060000-tiny-sweep</code>: 8 runs, 4 cells",
            // momentum against lars at each batch size, the pairs a text key with two values makes
            "<table id=\"verdict\">",
            "A <strong>momentum</strong> vs B <strong>lars</strong> at <code>train.batchSize=10</code>",
            // cell 1's median of 11 s and 12 s, rounded up to whole seconds as DAWNBench shows them
            "<td class=\"num\">0:00:12<small>",
            "<figcaption>Time to target vs train.batchSize");
  }

  @Test
  void resumeRunsOnlyWhatIsMissing(@TempDir Path dir) throws Exception {
    SweepSpec spec = SweepSpec.read(TinySweep.spec(dir, ""));
    Path sweepDir =
        SweepFolder.create(dir.resolve("results"), spec, LocalDateTime.of(2026, 11, 30, 6, 0))
            .dir();
    FakeTrain first = new FakeTrain();
    first.crashing = "tiny-sweep-c2-r2"; // the sweep dies while this run is under way
    assertThatThrownBy(() -> runner(sweepDir, first, new ByteArrayOutputStream()).run())
        .hasMessageContaining("sweep killed");
    assertThat(Files.readAllLines(sweepDir.resolve(SweepFiles.RUNS_CSV))).hasSize(1 + 5);

    FakeTrain second = new FakeTrain();
    var outcome = runner(sweepDir, second, new ByteArrayOutputStream()).run();
    assertThat(second.launched)
        .containsExactly("tiny-sweep-c2-r2", "tiny-sweep-c3-r2", "tiny-sweep-c4-r2");
    assertThat(outcome.alreadyDone()).isEqualTo(5);
    assertThat(Files.readAllLines(sweepDir.resolve(SweepFiles.RUNS_CSV))).hasSize(1 + 8);
    var starts = SweepRunStart.KIND.in(EventLogReader.read(sweepDir.resolve("sweep-events.jsonl")));
    assertThat(starts).hasSize(9); // c2-r2 started twice, recorded once

    FakeTrain third = new FakeTrain();
    assertThat(runner(sweepDir, third, new ByteArrayOutputStream()).run().ran()).isZero();
    assertThat(third.launched).isEmpty();
  }

  @Test
  void eachRunGetsAConfigFileWithItsCellAndTheFolderTheSweepMadeForIt(@TempDir Path dir)
      throws Exception {
    SweepSpec spec = SweepSpec.read(TinySweep.spec(dir, ""));
    SweepPlan plan = SweepValidation.check(spec);
    Path sweepDir = dir.resolve("sweep");
    List<List<String>> seen = new ArrayList<>();
    var runner =
        new SweepRunner(
            spec,
            plan,
            sweepDir,
            (a, l) -> {
              seen.add(a);
              return 2; // refused: no run folder left behind
            },
            quiet(new ByteArrayOutputStream()));
    runner.run();
    List<String> args = seen.get(7);
    assertThat(args)
        .containsSubsequence(
            "--config", sweepDir.resolve("configs/tiny-sweep-c4-r2.yaml").toString())
        .contains("--run-folder", "--results", sweepDir.toString());
    var config = FakeTrain.config(args);
    assertThat(config.path("name").asText()).isEqualTo("tiny-sweep-c4-r2");
    assertThat(config.at("/train/epochs").asInt()).isEqualTo(1);
    assertThat(config.at("/train/batchSize").asInt()).isEqualTo(20);
    assertThat(config.at("/train/seed").asLong()).isEqualTo(8);
    assertThat(config.at("/optimizer/name").asText()).isEqualTo("lars");
    assertThat(config.at("/optimizer/learningRate").asDouble()).isEqualTo(0.2);
    Path folder = Path.of(args.get(args.indexOf("--run-folder") + 1));
    assertThat(folder.getParent()).isEqualTo(sweepDir.resolve("runs"));
    assertThat(folder.getFileName().toString()).endsWith("-tiny-sweep-c4-r2");
    assertThat(folder).doesNotExist(); // the run was refused: its empty folder is gone
  }
}
