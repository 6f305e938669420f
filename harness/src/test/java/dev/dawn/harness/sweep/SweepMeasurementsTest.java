package dev.dawn.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.DawnCli;
import dev.dawn.harness.config.WorkerLink;
import dev.dawn.harness.project.MeasuredCell;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of {@code dawn launch} runs over links and fusion thresholds as the projection reads it:
 * each cell's link, threshold, workers and recipe as its runs trained them, beside the medians its
 * runs measured; and {@code dawn project --check --sweep} on it fits on the cells its network file
 * selects and checks the others.
 */
class SweepMeasurementsTest {
  @TempDir Path dir;

  @Test
  void eachCellCarriesWhatItsRunsTrainedAndTheMediansTheyMeasured() throws Exception {
    Path sweep = runSweep();
    List<MeasuredCell> cells = SweepMeasurements.read(sweep);
    assertThat(cells).hasSize(6);
    MeasuredCell slowFused = cells.get(5);
    assertThat(slowFused.values())
        .containsEntry("distributed.network", "50mbit")
        .containsEntry("distributed.fusion.thresholdBytes", 67108864);
    assertThat(slowFused.link()).isEqualTo(WorkerLink.of("50mbit"));
    assertThat(slowFused.fusionThresholdBytes()).isEqualTo(67_108_864L);
    assertThat(slowFused.workers()).isEqualTo(2);
    assertThat(slowFused.runs()).isEqualTo(2);
    assertThat(slowFused.plan().epochs()).hasSize(1);
    // the fake runs measure 40 + repeat ms of compute and rate-dependent communication
    assertThat(slowFused.computeMs()).isEqualTo(41.5);
    assertThat(slowFused.exposedMs()).isEqualTo(exposed("50mbit", 67108864L));
    assertThat(slowFused.targetEpoch()).isEqualTo(1.0);
    assertThat(slowFused.seconds()).isNotNull();
  }

  @Test
  void theCheckFitsOnTheSelectedCellsAndReportsTheOthers() throws Exception {
    Path sweep = runSweep();
    Path out = dir.resolve("out");
    var out0 = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cli = DawnCli.commandLine();
    cli.setOut(new java.io.PrintWriter(out0, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    int exit =
        cli.execute(
            "project",
            "check",
            "--sweep",
            sweep.toString(),
            "--hardware-dir",
            Path.of("..", "reference-configs", "hardware").toString(),
            "--network-dir",
            Path.of("..", "reference-configs", "networks").toString(),
            "--stack-dir",
            Path.of("..", "reference-configs", "stacks").toString(),
            "--out",
            out.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out0.toString())
        .contains(
            "fitted on the cells [distributed.network=loopback, distributed.network=200mbit]",
            "device.efficiency = ",
            "network.latencySeconds = ",
            "communication.overlap = ",
            "checked cells: 2; exposed communication per step: mean absolute error ");
    List<String> csv =
        Files.readAllLines(out.resolve("sweep-check-" + sweep.getFileName() + ".csv"));
    assertThat(csv.get(0))
        .startsWith("cell,distributed.network,distributed.fusion.thresholdBytes,role,runs,")
        .contains("exposed_comm_ms_measured,exposed_comm_ms_projected");
    assertThat(csv).hasSize(7);
    assertThat(csv.subList(1, 5)).allMatch(l -> l.contains(",fitted,"));
    assertThat(csv.subList(5, 7)).allMatch(l -> l.contains(",predicted,"));
  }

  /** The fake runs' exposed communication: 5 ms per message on loopback, bytes over a rate. */
  private static double exposed(String rate, long threshold) {
    double messages = threshold == 0 ? 10 : 1;
    double bandwidth =
        rate.equals("loopback") ? 0 : 1.7e6 * 8 / WorkerLink.of(rate).bitsPerSecond();
    return 5 * messages + 1000 * bandwidth;
  }

  /** A finished sweep of 3 links x 2 thresholds on 2 workers, 2 repeats, by fake runs. */
  private Path runSweep() throws Exception {
    Path spec = TinySweep.spec(dir, "workers: 2\n");
    String text = Files.readString(spec);
    int grid = text.indexOf("grid:");
    int repeats = text.indexOf("repeats:");
    Files.writeString(
        spec,
        text.substring(0, grid)
            + "grid:\n"
            + "  distributed.network: [loopback, 200mbit, 50mbit]\n"
            + "  distributed.fusion.thresholdBytes: [0, 67108864]\n"
            + text.substring(repeats));
    SweepSpec read = SweepSpec.read(spec);
    Path sweep = SweepFolder.create(dir.resolve("results"), read, LocalDateTime.now()).dir();
    SweepSpec saved = SweepFolder.savedSpec(sweep);
    SweepRunnerTest.FakeTrain train = new SweepRunnerTest.FakeTrain();
    train.failing = "none";
    train.stepSplit =
        args -> {
          String name = SweepRunnerTest.FakeTrain.value(args, "name");
          int repeat = Integer.parseInt(name.replaceAll(".*-r(\\d+)", "$1"));
          String rate = SweepRunnerTest.FakeTrain.value(args, "distributed.network");
          long t =
              Long.parseLong(
                  SweepRunnerTest.FakeTrain.value(args, "distributed.fusion.thresholdBytes"));
          return new double[] {40.0 + repeat, exposed(rate, t)};
        };
    new SweepRunner(
            saved,
            SweepValidation.check(saved),
            sweep,
            train,
            new dev.dawn.harness.train.ProgressLine(
                new PrintStream(new ByteArrayOutputStream(), true), false, 1))
        .run();
    return sweep;
  }
}
