package dev.dawn.reporters.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  private static final long MS = 1_000_000L;

  private static long[] oneToHundredMs() {
    long[] v = new long[100];
    for (int i = 0; i < 100; i++) {
      v[i] = (i + 1) * MS;
    }
    return v;
  }

  @Test
  void oneToHundredMillisecondsFollowsLoadGenIndexing() {
    LatencyStats s = LatencyStats.of(oneToHundredMs());
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.totalNanos()).isEqualTo(5050 * MS);
    assertThat(s.dawnbenchLatencyMs()).isCloseTo(50.5, within(1e-9));
    assertThat(s.meanMs()).isCloseTo(50.5, within(1e-9));
    assertThat(s.minMs()).isEqualTo(1.0);
    assertThat(s.maxMs()).isEqualTo(100.0);
    // sorted[floor(100 * p)] (0-based): index 50 -> 51 ms, index 90 -> 91 ms, index 99 -> 100 ms.
    assertThat(s.p50Ms()).isEqualTo(51.0);
    assertThat(s.p90Ms()).isEqualTo(91.0);
    // 100 * 0.95 in IEEE doubles is exactly 95.0, so index 95 -> 96 ms (as LoadGen's C++ would
    // compute).
    assertThat(s.p95Ms()).isEqualTo(96.0);
    assertThat(s.p99Ms()).isEqualTo(100.0);
    assertThat(s.throughputPerSecond()).isCloseTo(100 / 5.05, within(1e-9));
  }

  @Test
  void unsortedInputGivesTheSameStatsAndIsNotModified() {
    List<Long> shuffled = new ArrayList<>();
    for (long v : oneToHundredMs()) {
      shuffled.add(v);
    }
    Collections.shuffle(shuffled, new Random(7));
    long[] asArray = shuffled.stream().mapToLong(Long::longValue).toArray();
    long[] copy = asArray.clone();
    assertThat(LatencyStats.of(asArray)).isEqualTo(LatencyStats.of(oneToHundredMs()));
    assertThat(LatencyStats.of(shuffled)).isEqualTo(LatencyStats.of(oneToHundredMs()));
    assertThat(asArray).containsExactly(copy);
  }

  @Test
  void singleSampleIsEveryPercentile() {
    LatencyStats s = LatencyStats.of(new long[] {1_234_567});
    assertThat(s.count()).isEqualTo(1);
    assertThat(
            List.of(
                s.minNanos(), s.p50Nanos(), s.p90Nanos(), s.p95Nanos(), s.p99Nanos(), s.maxNanos()))
        .containsOnly(1_234_567L);
    assertThat(s.dawnbenchLatencyMs()).isCloseTo(1.234567, within(1e-12));
  }

  @Test
  void tiesAreReportedAsObservedValues() {
    long[] v = {5, 5, 5, 5, 5, 5, 5, 5, 9, 9}; // p50 -> index 5, p90 -> index 9, p99 -> index 9
    LatencyStats s = LatencyStats.of(v);
    assertThat(s.p50Nanos()).isEqualTo(5);
    assertThat(s.p90Nanos()).isEqualTo(9);
    assertThat(s.p95Nanos()).isEqualTo(9);
    assertThat(s.minNanos()).isEqualTo(5);
    assertThat(s.meanNanos()).isEqualTo(5.8);
  }

  @Test
  void smallSampleCountsUseTruncatedIndex() {
    long[] v = {40, 10, 30, 20}; // sorted 10 20 30 40
    LatencyStats s = LatencyStats.of(v);
    assertThat(s.p50Nanos()).isEqualTo(30); // floor(4 * 0.5) = 2
    assertThat(s.p90Nanos()).isEqualTo(40); // floor(3.6) = 3
    assertThat(s.p99Nanos()).isEqualTo(40);
  }

  @Test
  void batchSamplesCountItemsForLatencyAndThroughput() {
    long[] perBatch = {8 * MS, 8 * MS}; // two batches of 8 items, 8 ms each
    LatencyStats s = LatencyStats.of(perBatch, 8);
    assertThat(s.items()).isEqualTo(16);
    assertThat(s.dawnbenchLatencyMs()).isCloseTo(1.0, within(1e-12));
    assertThat(s.throughputPerSecond()).isCloseTo(1000.0, within(1e-9));
    assertThat(s.p50Ms()).isEqualTo(8.0); // percentiles stay per batch
  }

  @Test
  void badInputIsRejectedWithTheRuleBroken() {
    assertThatThrownBy(() -> LatencyStats.of(new long[0]))
        .hasMessageContaining("at least one sample");
    assertThatThrownBy(() -> LatencyStats.of(new long[] {1, -2})).hasMessageContaining(">= 0 ns");
    assertThatThrownBy(() -> LatencyStats.of(new long[] {1}, 0))
        .hasMessageContaining("itemsPerSample");
    assertThatThrownBy(() -> NearestRank.index(10, 1.0)).hasMessageContaining("[0, 1)");
  }

  @Test
  void summaryNamesTheKeyNumbers() {
    assertThat(LatencyStats.of(oneToHundredMs()).summary())
        .contains("dawnbench=50.500ms", "p90=91.000", "n=100");
  }
}
