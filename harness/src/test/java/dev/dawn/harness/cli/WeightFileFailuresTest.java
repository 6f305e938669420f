package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.ReportingCommandsTest.Run;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated or mis-shaped weight files are bad input: exit 2, one line naming the file, no stack
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

  /** A copy of the trained run whose weights the test may spoil. */
  private static Path copyOfRun(Path dir) throws Exception {
    Path copy = Files.createDirectories(dir.resolve("run"));
    Files.copy(trained.resolve(RunFolder.CONFIG), copy.resolve(RunFolder.CONFIG));
    Files.createDirectories(copy.resolve("weights"));
    for (String f : new String[] {"weights.bin", "weights.json"}) {
      Files.copy(trained.resolve("weights").resolve(f), copy.resolve("weights").resolve(f));
    }
    return copy;
  }

  private static void assertOneLineNoTrace(Run run) {
    assertThat(run.err().strip()).doesNotContain("\n");
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void truncatedWeightsBinIsBadInputNamingIt(@TempDir Path dir) throws Exception {
    Path run = copyOfRun(dir);
    Path bin = run.resolve("weights/weights.bin");
    byte[] bytes = Files.readAllBytes(bin);
    Files.write(bin, Arrays.copyOf(bytes, bytes.length / 2));

    Run infer =
        ReportingCommandsTest.dawn(
            "infer", "--model", run.toString(), "--results", dir.resolve("results").toString());

    assertThat(infer.exit()).isEqualTo(2);
    assertThat(infer.err())
        .contains(bin + ": has " + bytes.length / 2 + " bytes")
        .contains("(truncated)");
    assertOneLineNoTrace(infer);
  }

  @Test
  void misShapedWeightsAreBadInputNamingTheFile(@TempDir Path dir) throws Exception {
    Path run = copyOfRun(dir);
    Path index = run.resolve("weights/weights.json");
    // The first conv kernel [3, 3, 3, C] claims [3, 3, C, 3]: same length, so only the model can
    // tell.
    String json = Files.readString(index);
    int at = json.indexOf("\"shape\"");
    int end = json.indexOf(']', at);
    String[] dims = json.substring(json.indexOf('[', at) + 1, end).replaceAll("\\s", "").split(",");
    String swapped = "[ " + dims[0] + ", " + dims[1] + ", " + dims[3] + ", " + dims[2] + " ]";
    Files.writeString(
        index, json.substring(0, json.indexOf('[', at)) + swapped + json.substring(end + 1));

    Run infer =
        ReportingCommandsTest.dawn(
            "infer", "--model", run.toString(), "--results", dir.resolve("results").toString());
    assertThat(infer.exit()).as(infer.err()).isEqualTo(2);
    assertThat(infer.err()).contains(run.resolve("weights").toString());
    assertOneLineNoTrace(infer);

    Path config = TinyTrainingConfig.write(dir, "init");
    Run train =
        ReportingCommandsTest.dawn(
            "train",
            "--config",
            config.toString(),
            "--set",
            "train.initWeights=" + run.resolve("weights"),
            "--results",
            dir.resolve("results").toString());
    assertThat(train.exit()).as(train.err()).isEqualTo(2);
    assertThat(train.err())
        .contains("train.initWeights " + run.resolve("weights"))
        .contains("shape");
    assertOneLineNoTrace(train);
  }
}
