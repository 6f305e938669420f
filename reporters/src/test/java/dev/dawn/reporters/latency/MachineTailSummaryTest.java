package dev.dawn.reporters.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.reporters.events.InferenceVariantResult.MachineTail;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MachineTailSummaryTest {
  private static final long MS = 1_000_000;

  /** 100 samples of {@code nanos} each: 100 images, or the 100 memory passes after them. */
  private static long[] steady(long nanos) {
    long[] samples = new long[100];
    Arrays.fill(samples, nanos);
    return samples;
  }

  @Test
  void aModelSlowExactlyWhenTheMachineIsLeavesNoTailOfItsOwn() {
    // 100 images at 10 ms with the memory work at 2.5 ms, except a slow stretch of the machine
    // (images 40-44, passes 39-44) where both take twice as long.
    long[] model = steady(10 * MS);
    long[] memory = steady(2_500_000);
    for (int i = 40; i < 45; i++) model[i] = 20 * MS;
    for (int i = 39; i < 45; i++) memory[i] = 5 * MS;

    MachineTail t = MachineTailSummary.of(model, memory, 24L << 20);

    assertThat(t.images()).isEqualTo(100);
    assertThat(t.workingSetMiB()).isEqualTo(24.0);
    assertThat(t.modelP50Ms()).isEqualTo(10.0);
    assertThat(t.modelP99Ms()).isEqualTo(20.0);
    assertThat(t.memoryWorkP50Ms()).isEqualTo(2.5);
    assertThat(t.memoryWorkP99Ms()).isEqualTo(5.0);
    assertThat(t.slowImages()).isEqualTo(5);
    assertThat(t.slowImagesBesideSlowMemoryWork()).isEqualTo(5);
    // images 39-45 have a slow pass before or after them
    assertThat(t.imagesBesideSlowMemoryWork()).isEqualTo(7);
    // model over the mean of the passes beside it: 4 everywhere but at the edges of the stretch
    // (images 39 and 45: 10 / 3.75), so p99/p50 is 1.
    assertThat(t.modelOverMemoryWorkP99P50()).isCloseTo(1.0, within(1e-12));
    assertThat(t.correlation()).isGreaterThan(0.9);
  }

  @Test
  void aModelSlowOnItsOwnKeepsItsTail() {
    long[] model = steady(10 * MS);
    long[] memory = steady(2_500_000);
    model[10] = 20 * MS;
    model[50] = 20 * MS;
    memory[80] = 5 * MS;

    MachineTail t = MachineTailSummary.of(model, memory, 1 << 20);

    assertThat(t.slowImages()).isEqualTo(2);
    assertThat(t.slowImagesBesideSlowMemoryWork()).isZero();
    assertThat(t.imagesBesideSlowMemoryWork()).isEqualTo(2);
    // p99 of 100 ratios is the 100th (nearest rank): a slow image over 2.5 ms, against 10 / 2.5
    assertThat(t.modelOverMemoryWorkP99P50()).isCloseTo(2.0, within(1e-12));
    assertThat(t.correlation()).isLessThan(0.1);
  }

  @Test
  void aSteadyMachineCorrelatesWithNothing() {
    long[] model = {10 * MS, 12 * MS, 11 * MS};
    long[] memory = {MS, MS, MS};
    assertThat(MachineTailSummary.of(model, memory, 1).correlation()).isZero();
  }

  @Test
  void refusesPassesThatDoNotPairWithImages() {
    assertThatThrownBy(() -> MachineTailSummary.of(new long[] {MS, MS}, new long[] {MS}, 1))
        .hasMessageContaining("one memory pass per image")
        .hasMessageContaining("2 images and 1 passes");
    assertThatThrownBy(() -> MachineTailSummary.of(new long[0], new long[0], 1))
        .hasMessageContaining("at least one image");
  }
}
