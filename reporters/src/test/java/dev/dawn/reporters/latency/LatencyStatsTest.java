package dev.dawn.reporters.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void nearestRankPercentiles() {
        LatencyStats s = LatencyStats.ofMillis(new double[] {4, 1, 3, 2});
        assertThat(s).isEqualTo(new LatencyStats(4, 2.5, 1, 2, 4, 4, 4));
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i; // unsorted input: 100..1
        }
        LatencyStats h = LatencyStats.ofMillis(hundred);
        assertThat(h.p50Ms()).isEqualTo(50);
        assertThat(h.p90Ms()).isEqualTo(90);
        assertThat(h.p99Ms()).isEqualTo(99);
        assertThat(h.maxMs()).isEqualTo(100);
    }

    @Test
    void needsAMeasurementAndAFiniteLatency() {
        assertThatThrownBy(() -> LatencyStats.ofMillis(new double[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ImageLatency("x.jpg", 1, 1, Double.NaN, 0)).hasMessageContaining("x.jpg").hasMessageContaining("latency_ms");
    }
}
