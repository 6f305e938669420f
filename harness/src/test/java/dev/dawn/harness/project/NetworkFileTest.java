package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network files: each loads with a source or reason above every figure, overrides and ranges
 * are checked like the file's own values, the cluster whose entry publishes no interconnect carries
 * ranges and fits nothing, and the emulated links' efficiency is the frame arithmetic it states.
 */
class NetworkFileTest {
  static final Path DIR = Path.of("..", "reference-configs", "networks");

  @Test
  void everyNetworkFileLoadsAndEveryFigureHasACommentAbove() throws Exception {
    List<Path> files = FigureComments.yamlFiles(DIR);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "aws-p3-25gbit.yaml",
            "alibaba-vpc-32gbit.yaml",
            "huawei-modelarts-ib.yaml",
            "emulated-tbf.yaml");
    for (Path f : files) {
      var file = NetworkFile.load(f.toString(), DIR, List.of());
      assertThat(file.spec().name()).as(f.toString()).isNotBlank();
      FigureComments.assertCommentAbove(
          f,
          List.of(
              "gigabitsPerSecond:", "efficiency:", "latencySeconds:", "algorithm:", "overlap:"));
      FigureComments.assertCommentAbove(
          f, file.ranges().keySet().stream().map(k -> k + ":").toList());
    }
  }

  @Test
  void anUnpublishedInterconnectIsARangeAndFitsNothing() {
    var huawei = NetworkFile.load("huawei-modelarts-ib", DIR, List.of());
    assertThat(huawei.ranges())
        .containsOnlyKeys(
            "network.gigabitsPerSecond", "network.efficiency", "network.latencySeconds");
    assertThat(huawei.ranges().get("network.gigabitsPerSecond"))
        .isEqualTo(new FigureRange("network.gigabitsPerSecond", 56, 400));
    assertThat(huawei.spec().fit().parameters()).isEmpty();
    assertThat(huawei.spec().fit().entries()).isEmpty();
  }

  @Test
  void theEmulatedLinksEfficiencyIsTheFrameArithmetic() {
    var emulated = NetworkFile.load("emulated-tbf", DIR, List.of()).spec();
    // 1448 bytes of TCP payload per 1514-byte frame, and the other direction's ACKs: one 66-byte
    // frame per two data frames
    double arithmetic = 1448.0 / 1514 * (2 * 1514.0) / (2 * 1514 + 66);
    assertThat(emulated.network().efficiency()).isCloseTo(arithmetic, within(5e-4));
    assertThat(emulated.communication().algorithm()).isEqualTo("ring");
    assertThat(emulated.fit().cells()).isNotEmpty();
  }

  @Test
  void overridesAndBadValuesNameTheFlagOrTheFileLine() {
    var f = NetworkFile.load("aws-p3-25gbit", DIR, List.of("network.gigabitsPerSecond=100"));
    assertThat(f.spec().network().gigabitsPerSecond()).isEqualTo(100);
    assertThatThrownBy(() -> TestHardware.network("network.efficiency=1.5"))
        .hasMessageContaining("--net network.efficiency=1.5: network.efficiency must be in (0, 1]");
    assertThatThrownBy(() -> TestHardware.network("communication.algorithm=tree"))
        .hasMessageContaining("communication.algorithm must be one of");
    assertThatThrownBy(() -> TestHardware.network("network.gbps=1"))
        .hasMessageContaining("unknown network key 'network.gbps'");
    assertThatThrownBy(
            () ->
                NetworkFile.parse(
                    TestHardware.NETWORK_YAML.replace(
                        "  gigabitsPerSecond: 8\n", "  gigabitsPerSecond: -8\n"),
                    "n.yaml"))
        .hasMessage("n.yaml:3: network.gigabitsPerSecond must be > 0");
    assertThatThrownBy(
            () ->
                NetworkFile.parse(
                    TestHardware.NETWORK_YAML + "ranges:\n  network.efficiency: [0.5, 0.9]\n",
                    "n.yaml"))
        .hasMessage(
            "n.yaml:14: the range of 'network.efficiency' [0.5, 0.9] must hold its value 1.0");
    assertThatThrownBy(() -> NetworkFile.load("no-such-net", DIR, List.of()))
        .hasMessageContaining("network 'no-such-net'")
        .hasMessageContaining("aws-p3-25gbit");
  }
}
