package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.run.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep says how long it plans to train before its first run when that is over an hour, and one
 * larger than the run cap is refused in one line before anything runs.
 */
class SweepLimitsTest {
  @TempDir Path dir;

  @Test
  void aSweepOverTheRunCapIsOneLineAndNoFolder() throws Exception {
    Path spec =
        spec(
            "capped",
            TinyTrainingConfig.write(dir, "capped"),
            "  optimizer.learningRate: [0.1, 0.2, 0.3]\nrepeats: 5\n");
    Path results = dir.resolve("results");
    var run =
        TrainCommandTest.dawn(
            "sweep", spec.toString(), "--results", results.toString(), "--max-runs", "10");
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "dawn sweep: "
                + spec
                + ":5: the spec plans 15 runs (3 cells x 5 repeats), more than --max-runs 10:"
                + " shrink the grid, or raise --max-runs to run them all");
    assertThat(results).doesNotExist();
  }

  @Test
  void thePlannedTimeIsPrintedBeforeTheFirstRunWhenOverAnHour() throws Exception {
    // ImageNet-sized epochs: hours of training planned; the data folder is missing, so the one
    // run fails at once (exit 2, recorded) and the sweep ends without training anything.
    Path base =
        Files.writeString(
            dir.resolve("imagenet.yaml"),
            """
            name: planned
            data: {kind: imagenet, path: %s}
            model: {architecture: resnet9, width: 0.25}
            train: {epochs: 30, batchSize: 256}
            """
                .formatted(dir.resolve("no-imagenet-here")));
    Path spec = spec("planned", base, "  optimizer.learningRate: [0.1]\nrepeats: 1\n");
    Path repository = Path.of("..").toAbsolutePath().normalize();
    Path log = dir.resolve("sweep.log");
    Process p =
        new ProcessBuilder(
                ChildJvm.command(
                    DawnCli.class.getName(),
                    List.of("sweep", spec.toString(), "--results", dir.resolve("r").toString())))
            .directory(repository.toFile()) // where reference-configs/hardware/cpu.yaml is
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("sweep ends").isTrue();
    } finally {
      p.destroyForcibly();
    }
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();
    int planned = out.indexOf("sweep planned: planned training time up to ");
    int first = out.indexOf("sweep planned: cell 1 of 1");
    assertThat(planned).as(out).isNotNegative();
    assertThat(first).as(out).isGreaterThan(planned);
    assertThat(out.substring(planned).lines().findFirst().orElseThrow())
        .contains(
            "for 1 runs (each run to its epoch budget, projected from"
                + " reference-configs/hardware/cpu.yaml's measured images/s;")
        .matches(".* up to (\\d+):\\d\\d:\\d\\d .*")
        .satisfies(
            line ->
                assertThat(Integer.parseInt(line.replaceAll(".* up to (\\d+):.*", "$1")))
                    .as("hours")
                    .isPositive());
  }

  @Test
  void aSweepOfSeveralWorkersWhereNoNamespaceCanBeMadeIsRefusedBeforeItsFirstRun()
      throws Exception {
    Path spec =
        spec(
            "isolated",
            TinyTrainingConfig.write(dir, "isolated"),
            "  optimizer.learningRate: [0.1]\nworkers: 2\n");
    Path results = dir.resolve("results");
    Path log = dir.resolve("sweep.log");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process p =
          processes.start(
              List.of("sweep", spec.toString(), "--results", results.toString()),
              java.util.Map.of("PATH", Files.createDirectories(dir.resolve("no-tools")).toString()),
              log);
      assertThat(WorkerProcesses.exitWithin(p, 120)).as(Files.readString(log)).isEqualTo(2);
    }
    assertThat(Files.readString(log).strip())
        .startsWith("dawn sweep: cannot make a private network namespace for the workers (")
        .endsWith("pass --expose-ports to start them anyway")
        .doesNotContain("\n");
    assertThat(results).doesNotExist();
  }

  /** {@code dir/spec.yaml}: sweep {@code name} over {@code base}, its grid lines and the rest. */
  private Path spec(String name, Path base, String gridAndMore) throws java.io.IOException {
    return Files.writeString(
        dir.resolve("spec.yaml"),
        "name: " + name + "\nbase: " + base.getFileName() + "\ngrid:\n" + gridAndMore);
  }
}
