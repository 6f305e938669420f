package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A projection's band: the lowest and highest value over every combination of the ends of the
 * files' ranges and of the devices an entry may have run on, worked out by hand on the test files.
 */
class ClusterFilesTest {
  private static final List<Long> TWO_TENSORS = List.of(1_000_000L, 1_000_000L);

  @Test
  void withNothingOpenTheBandIsThePoint() {
    ClusterFiles files = TestHardware.files(TestHardware.NETWORK_YAML, List.of());
    assertThat(files.open()).isFalse();
    assertThat(files.corners()).hasSize(1);
    var band = ClusterFiles.Band.over(files, ClusterFilesTest::step);
    assertThat(band.low()).isEqualTo(band.high()).isCloseTo(0.115, within(1e-12));
    assertThat(files.openFigures()).isEqualTo("nothing (every figure is fixed)");
  }

  @Test
  void theBandSpansTheRangesEndsAndTheOtherDevices() {
    // the network's rate 4 to 16 Gbit/s around its 8; another device at half the efficiency
    String ranged = TestHardware.NETWORK_YAML + "ranges:\n  network.gigabitsPerSecond: [4, 16]\n";
    var slower =
        new ClusterFiles(
            TestHardware.file("device.efficiency=0.5"),
            TestHardware.STACK_SPEC,
            NetworkFile.parse(ranged, "n.yaml"),
            StackFile.parseFile(TestHardware.STACK_YAML, "s.yaml"));
    ClusterFiles files = TestHardware.files(ranged, List.of(slower));
    assertThat(files.open()).isTrue();
    assertThat(files.corners()).hasSize(4); // 2 devices x 2 ends
    // 2 nodes x 4 devices, two messages of 4 MB: 6 ms inside each node + 2 x 1/2 x 4 MB over the
    // network (2 ms at 16 Gbit/s, 4 at 8, 8 at 4); half of all but the last hides behind the
    // backward pass, so 1.5 messages show. Compute: 0.1 s, 0.2 s at half the efficiency.
    assertThat(step(files)).isCloseTo(0.1 + 1.5 * 0.010, within(1e-12));
    var band = ClusterFiles.Band.over(files, ClusterFilesTest::step);
    assertThat(band.low()).isCloseTo(0.1 + 1.5 * 0.008, within(1e-12));
    assertThat(band.high()).isCloseTo(0.2 + 1.5 * 0.014, within(1e-12));
    assertThat(band.holds(step(files))).isTrue();
    assertThat(band.ratio()).isCloseTo(0.221 / 0.112, within(1e-9));
    assertThat(files.openFigures()).isEqualTo("device test|test, network.gigabitsPerSecond 4-16");
  }

  /** Compute and exposed communication (s) of one step of batch 800 at 200 px on 8 devices. */
  private static double step(ClusterFiles files) {
    StepTime t = files.model(8, TWO_TENSORS, 0).step(200, 800);
    return t.compute() + t.exposedCommunication();
  }
}
