package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardwareFileTest {
  static final Path DIR = Path.of("..", "reference-configs", "hardware");

  @Test
  void everyHardwareFileLoadsAndEveryFigureHasACommentAbove() throws Exception {
    List<Path> files = FigureComments.yamlFiles(DIR);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "v100-16gb.yaml",
            "v100-32gb.yaml",
            "p100.yaml",
            "k80.yaml",
            "tpuv2-core.yaml",
            "cpu.yaml");
    for (Path f : files) {
      var spec = HardwareFile.load(f.toString(), DIR, List.of()).spec();
      assertThat(spec.name()).as(f.toString()).isNotBlank();
      assertThat(spec.fit().parameters()).as(f.toString()).containsExactly("device.efficiency");
      FigureComments.assertCommentAbove(
          f,
          List.of(
              "imagesPerSecond:",
              "linkGigabytesPerSecond:",
              "cpuCores:",
              "imagesPerSecondPerCore:",
              "stack:"));
    }
  }

  @Test
  void aNameIsLookedUpInTheHardwareFolder() {
    assertThat(HardwareFile.load("v100-16gb", DIR, List.of()).spec().node().devicesPerNode())
        .isEqualTo(8);
  }

  @Test
  void overridesSetExistingKeysOnly() {
    var f = HardwareFile.load("v100-16gb", DIR, List.of("device.efficiency=1"));
    assertThat(f.spec().device().efficiency()).isEqualTo(1);
    // the network is a file of its own now: a device file has no network key
    assertThatThrownBy(
            () -> HardwareFile.load("v100-16gb", DIR, List.of("network.gigabitsPerSecond=100")))
        .isInstanceOf(ProjectionFileException.class)
        .hasMessageContaining("unknown hardware key 'network.gigabitsPerSecond'");
  }

  @Test
  void badFilesNameTheFileAndTheRule() {
    assertThatThrownBy(
            () ->
                HardwareFile.parse(
                    TestHardware.YAML.replace(
                        "  backwardShare: 0.5\n", "  backwardShare: 0.5\n  speed: 3\n"),
                    "t.yaml"))
        .isInstanceOf(ProjectionFileException.class)
        .hasMessageContaining("t.yaml:")
        .hasMessageContaining("unknown key 'device.speed'");
    assertThatThrownBy(() -> TestHardware.file("device.backwardShare=1.5"))
        .hasMessageContaining(
            "--hw device.backwardShare=1.5: device.backwardShare must be in [0, 1]");
    assertThatThrownBy(
            () ->
                HardwareFile.parse(
                    TestHardware.YAML.replace(
                        "parameters: [device.efficiency]",
                        "parameters: [device.efficiency, device.pixelExponent, input.cpuCores]"),
                    "t.yaml"))
        .hasMessageContaining("at most two");
    assertThatThrownBy(() -> HardwareFile.load("no-such-gpu", DIR, List.of()))
        .hasMessageContaining("hardware 'no-such-gpu'")
        .hasMessageContaining("v100-16gb");
  }
}
