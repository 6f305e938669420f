package dev.dawn.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FixedWorkPassesTest {

  @Test
  void timesEveryPassOnTheGivenThreadsAndStopsThem() {
    long before = workerThreads();
    long[] nanos = FixedWorkPasses.time(2, 4_000_000, 15);

    assertThat(nanos).hasSize(15);
    assertThat(Arrays.stream(nanos).min().orElseThrow()).isPositive();
    // Calibrated to the target, then timed the same way: only a machine whose speed changed by
    // several times between calibration and passes could land this far off.
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    assertThat(sorted[sorted.length / 2]).isBetween(4_000_000L / 5, 4_000_000L * 5);
    assertThat(workerThreads()).isEqualTo(before);
  }

  @Test
  void passesOverMemorySweepTheirWorkingSetAndStop() {
    long before = workerThreads();
    long[] nanos = new long[9];
    try (FixedWorkPasses p = FixedWorkPasses.overMemory(2, 8L << 20, 3_000_000)) {
      assertThat(p.workingSetBytes()).isEqualTo(8L << 20);
      assertThat(workerThreads()).isEqualTo(before + 2);
      for (int i = 0; i < nanos.length; i++) nanos[i] = p.pass();
    }
    Arrays.sort(nanos);
    assertThat(nanos[0]).isPositive();
    assertThat(nanos[nanos.length / 2]).isBetween(3_000_000L / 5, 3_000_000L * 5);
    assertThat(workerThreads()).isEqualTo(before);
  }

  @Test
  void theModelsThreadSettingNamesItsThreads() {
    assertThat(FixedWorkPasses.threadsFor(3)).isEqualTo(3);
    assertThat(FixedWorkPasses.threadsFor(0)).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void refusesWhatCannotBeTimed() {
    assertThatThrownBy(() -> FixedWorkPasses.time(0, 1_000_000, 1))
        .hasMessageContaining("threads must be >= 1");
    assertThatThrownBy(() -> FixedWorkPasses.time(1, 0, 1))
        .hasMessageContaining("passNanos must be > 0");
    assertThatThrownBy(() -> FixedWorkPasses.time(1, 1_000_000, 0))
        .hasMessageContaining("passes must be >= 1");
    assertThatThrownBy(() -> FixedWorkPasses.overMemory(1, 0, 1_000_000))
        .hasMessageContaining("workingSetBytes must be > 0");
    assertThatThrownBy(() -> FixedWorkPasses.overMemory(1, 1L << 40, 1_000_000))
        .hasMessageContaining("too large");
  }

  private static long workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("fixed-work-") && t.isAlive())
        .count();
  }
}
