package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure is a finite number wherever it enters - a {@code --hw} override, a hardware file, a
 * command-line option - with one rule and one message, and a malformed hardware file is one line.
 */
class FiguresTest {
  private static final String RULE = "must be a finite number, got '1e400'";
  @TempDir Path tmp;

  private static ProjectCommandTest.Run project(String hardware, String... more) {
    String[] base = {
      "project",
      "--config",
      ProjectCommandTest.CONFIGS + "/alibaba-2020-03.yaml",
      "--hardware",
      hardware,
      "--hardware-dir",
      ProjectCommandTest.HARDWARE,
      "--stack-dir",
      ProjectCommandTest.STACKS,
      "--network",
      "alibaba-vpc-32gbit",
      "--network-dir",
      ProjectCommandTest.NETWORKS,
      "--gpus",
      "8"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return ProjectCommandTest.dawn(args);
  }

  private static void assertOneLine(ProjectCommandTest.Run run, String line) {
    assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(line);
  }

  @Test
  void anInfiniteHardwareOverrideIsRefusedNamingTheOverride() {
    assertOneLine(
        project("v100-32gb", "--hw", "device.imagesPerSecond=1e400", "--out", "unused"),
        "dawn project: --hw device.imagesPerSecond=1e400: key 'device.imagesPerSecond' " + RULE);
    assertOneLine(
        project("v100-32gb", "--net", "network.gigabitsPerSecond=.nan", "--out", "unused"),
        "dawn project: --net network.gigabitsPerSecond=.nan: key 'network.gigabitsPerSecond' must be"
            + " a finite number, got '.nan'");
    assertOneLine(
        project("v100-32gb", "--hw", "device.imagesPerSecond=0", "--out", "unused"),
        "dawn project: --hw device.imagesPerSecond=0: device.imagesPerSecond must be > 0");
  }

  @Test
  void anInfiniteOrMalformedHardwareFileIsOneLineWithItsLine() throws Exception {
    String cpu = Files.readString(Path.of(ProjectCommandTest.HARDWARE, "cpu.yaml"));
    Path infinite = Files.writeString(tmp.resolve("inf.yaml"), cpu.replace("988", "1e400"));
    assertOneLine(
        project(infinite.toString()),
        "dawn project: "
            + infinite
            + ":11: key 'device.imagesPerSecond' must be a finite number,"
            + " got '1e400'");
    Path malformed =
        Files.writeString(
            tmp.resolve("bad.yaml"), "name: x\ndevice: {model: resnet50\n  imagesPerSecond: [1,\n");
    assertOneLine(
        project(malformed.toString()),
        "dawn project: "
            + malformed
            + ":3: not valid YAML: expected ',' or '}', but got : (while parsing a flow mapping"
            + " started at line 2)");
  }

  @Test
  void aNumberOptionIsFiniteByTheSameRule() {
    var run =
        ProjectCommandTest.dawn("infer", "--random-resnet50", "32", "--fine-tune-lr", "1e400");
    assertOneLine(
        run,
        "dawn infer: Invalid value for option '--fine-tune-lr': "
            + RULE
            + " (see 'dawn infer --help')");
    var nan = ProjectCommandTest.dawn("baseline", "--config", "x.yaml", "--learning-rate", "NaN");
    assertThat(nan.exit()).isEqualTo(2);
    assertThat(nan.err()).contains("must be a finite number, got 'NaN'").doesNotContain("Usage:");
  }
}
