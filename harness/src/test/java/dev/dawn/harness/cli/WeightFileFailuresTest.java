package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.cli.ReportingCommandsTest.Run;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A truncated or mis-shaped checkpoint is bad input: exit 2, one line naming the file, no stack
 * trace.
 */
class WeightFileFailuresTest {
  @TempDir static Path shared;
  static Path trained;

  @BeforeAll
  static void trainOnce() throws Exception {
    Path config = TinyTrainingConfig.write(shared, "weights");
    Files.writeString(config, Files.readString(config).replace("epochs: 2", "epochs: 1"));
    Run run =
        ReportingCommandsTest.dawn(
            "train",
            "--config",
            config.toString(),
            "--results",
            shared.resolve("results").toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    try (Stream<Path> s = Files.list(shared.resolve("results/runs"))) {
      trained = s.findFirst().orElseThrow();
    }
  }

  /** A copy of the trained run whose checkpoint the test may spoil, and that checkpoint. */
  private static Path copyOfRun(Path dir) throws Exception {
    Path copy = Files.createDirectories(dir.resolve("run"));
    Files.copy(trained.resolve(RunFolder.CONFIG), copy.resolve(RunFolder.CONFIG));
    Path from = RunModel.checkpoint(trained).orElseThrow();
    Path to =
        Files.createDirectories(
            copy.resolve(RunFolder.CHECKPOINTS).resolve(from.getFileName().toString()));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
    return copy;
  }

  private static Path checkpointOf(Path run) throws Exception {
    return RunModel.checkpoint(run).orElseThrow();
  }

  private static void assertOneLineNoTrace(Run run) {
    assertThat(run.err().strip()).doesNotContain("\n");
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aTruncatedCheckpointIsBadInputNamingIt(@TempDir Path dir) throws Exception {
    Path run = copyOfRun(dir);
    Path data = ModelCheckpoint.bundle(checkpointOf(run)).data();
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, Arrays.copyOf(bytes, bytes.length / 2));

    Run infer =
        ReportingCommandsTest.dawn(
            "infer", "--model", run.toString(), "--results", dir.resolve("results").toString());

    assertThat(infer.exit()).as(infer.err()).isEqualTo(2);
    assertThat(infer.err()).contains(checkpointOf(run).toString());
    assertOneLineNoTrace(infer);
  }

  @Test
  void aCheckpointOfAnotherShapeIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
    Path run = copyOfRun(dir);
    // model.json claims a wider model than the bundle holds: only the shapes can tell
    Path model = checkpointOf(run).resolve(ModelCheckpoint.MODEL);
    String json = Files.readString(model);
    assertThat(json).contains("\"widthMultiplier\" : 0.25");
    Files.writeString(
        model, json.replace("\"widthMultiplier\" : 0.25", "\"widthMultiplier\" : 0.5"));

    Run infer =
        ReportingCommandsTest.dawn(
            "infer", "--model", run.toString(), "--results", dir.resolve("results").toString());
    assertThat(infer.exit()).as(infer.err()).isEqualTo(2);
    assertThat(infer.err()).contains(checkpointOf(run).toString()).contains("shape");
    assertOneLineNoTrace(infer);

    Path config = TinyTrainingConfig.write(dir, "init");
    Run train =
        ReportingCommandsTest.dawn(
            "train",
            "--config",
            config.toString(),
            "--set",
            "train.initWeights=" + run,
            "--results",
            dir.resolve("results").toString());
    assertThat(train.exit()).as(train.err()).isEqualTo(2);
    assertThat(train.err()).contains(checkpointOf(run).toString()).contains("shape");
    assertOneLineNoTrace(train);
  }
}
