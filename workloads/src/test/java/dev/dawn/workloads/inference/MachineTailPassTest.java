package dev.dawn.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTailPassTest {

  @Test
  void eachImageIsFollowedByOnePassOfEachWorkAndTheWorkersStop() {
    List<Integer> seen = new ArrayList<>();
    long before = fixedWorkThreads();

    MachineTailRun run =
        MachineTailPass.run(
            List.of(1, 2, 3, 4, 5),
            i -> i * 10,
            x -> {
              seen.add(x);
              long end = System.nanoTime() + 2_000_000;
              while (System.nanoTime() < end) Thread.onSpinWait();
            },
            2,
            4L << 20,
            2_000_000);

    assertThat(seen).containsExactly(10, 20, 30, 40, 50);
    assertThat(run.images()).isEqualTo(5);
    assertThat(run.workingSetBytes()).isEqualTo(4L << 20);
    assertThat(Arrays.stream(run.modelNanos()).min().orElseThrow())
        .isGreaterThanOrEqualTo(2_000_000);
    assertThat(Arrays.stream(run.registerNanos()).min().orElseThrow()).isPositive();
    assertThat(Arrays.stream(run.memoryNanos()).min().orElseThrow()).isPositive();
    assertThat(fixedWorkThreads()).isEqualTo(before);
  }

  @Test
  void refusesAnEmptyPassAndUnpairedTimings() {
    assertThatThrownBy(() -> MachineTailPass.run(List.of(), i -> i, x -> {}, 1, 1, 1))
        .hasMessageContaining("at least one input");
    assertThatThrownBy(() -> new MachineTailRun(new long[2], new long[2], new long[1], 1))
        .hasMessageContaining("2 images, 2 and 1 passes");
  }

  private static long fixedWorkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("fixed-work-") && t.isAlive())
        .count();
  }
}
