package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepModelTest {

  @Test
  void computeIsThePerDeviceBatchOverImagesPerSecondScaledByPixels() {
    var m = TestHardware.model(List.of(), List.of(), 1, List.of(10L), 0);
    // 1000 images/s at 200 px; at 100 px a quarter of the pixels: 4000 images/s
    assertThat(m.deviceImagesPerSecond(100, 100)).isCloseTo(4000, within(1e-9));
    assertThat(m.step(200, 100).compute()).isCloseTo(0.1, within(1e-12));
    var half = TestHardware.model(List.of("device.efficiency=0.5"), List.of(), 1, List.of(10L), 0);
    assertThat(half.step(200, 100).compute()).isCloseTo(0.2, within(1e-12));
    var overhead =
        TestHardware.model(
            List.of("device.stepOverheadSeconds=0.01"), List.of(), 1, List.of(10L), 0);
    assertThat(overhead.step(200, 100).compute()).isCloseTo(0.11, within(1e-12));
  }

  @Test
  void littleWorkPerStepRunsBelowFullSpeed() {
    // half speed at 100 images: s(w) = w / (w + 100); the figure is at batch 100, s = 1/2
    var m = TestHardware.model(List.of("device.halfSpeedBatch=100"), List.of(), 1, List.of(10L), 0);
    assertThat(m.deviceImagesPerSecond(200, 100)).isCloseTo(1000, within(1e-9));
    // batch 300: s = 3/4, 1.5x the figure
    assertThat(m.deviceImagesPerSecond(200, 300)).isCloseTo(1500, within(1e-9));
    // batch 100 at 100 px is 25 images of work: s = 1/5, so 4000 x (1/5) / (1/2) = 1600
    assertThat(m.deviceImagesPerSecond(100, 100)).isCloseTo(1600, within(1e-9));
  }

  @Test
  void oneDeviceSendsNothing() {
    var m = TestHardware.model(List.of(), List.of(), 1, List.of(1_000_000L), 0);
    assertThat(m.allReduceSeconds()).isZero();
    assertThat(m.step(200, 100).exposedCommunication()).isZero();
  }

  @Test
  void theLastBucketIsExposedAndOverlapHidesAShareOfTheRest() {
    // 2 nodes x 4 devices. Two tensors of 1e6 values x 4 bytes = 4 MB each, threshold 0: two
    // messages.
    // Per message: inside 2 x 3/4 x 4e6 / 1e9 = 6 ms; between 2 x 1/2 x 4e6 / 1e9 (8 Gbit/s) = 4
    // ms; 10 ms each.
    var m = TestHardware.model(List.of(), List.of(), 8, List.of(1_000_000L, 1_000_000L), 0);
    assertThat(m.messages()).isEqualTo(2);
    assertThat(m.allReduceSeconds()).isCloseTo(0.020, within(1e-12));
    // batch 800 -> 100 per device at 200 px: 0.1 s compute, backward 0.05 s; overlap 0.5 of the
    // first bucket = 5 ms
    StepTime t = m.step(200, 800);
    assertThat(t.compute()).isCloseTo(0.1, within(1e-12));
    assertThat(t.exposedCommunication()).isCloseTo(0.015, within(1e-12));
    // one bucket (threshold above the total): nothing can overlap
    var fused =
        TestHardware.model(List.of(), List.of(), 8, List.of(1_000_000L, 1_000_000L), 1L << 30);
    assertThat(fused.messages()).isEqualTo(1);
    assertThat(fused.step(200, 800).exposedCommunication())
        .isCloseTo(fused.allReduceSeconds(), within(1e-12));
  }

  @Test
  void hiddenCommunicationIsCappedByTheBackwardPass() {
    var m =
        TestHardware.model(
            List.of(), List.of("communication.overlap=1.0"), 8, List.of(1_000_000L, 1_000_000L), 0);
    // batch 8 -> 1 per device: compute 1 ms, backward 0.5 ms; only 0.5 ms of the 10 ms first bucket
    // hides
    assertThat(m.step(200, 8).exposedCommunication()).isCloseTo(0.0195, within(1e-12));
  }

  @Test
  void theInputPipelineBoundsImagesPerNode() {
    // 10 cores x 100 images/s = 1000 images/s per node; 4 devices x 100 images = 400 images: 0.4 s,
    // compute 0.1 s
    var m = TestHardware.model(List.of(), List.of(), 4, List.of(10L), 1L << 30);
    StepTime t = m.step(200, 400);
    assertThat(t.total()).isCloseTo(0.4, within(1e-12));
    assertThat(t.inputWait())
        .isCloseTo(0.4 - t.compute() - t.exposedCommunication(), within(1e-12));
  }

  @Test
  void devicesMustFillWholeNodes() {
    assertThatThrownBy(() -> TestHardware.model(List.of(), List.of(), 6, List.of(10L), 0))
        .hasMessageContaining("6 devices do not fill whole nodes of 4");
  }
}
