package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.quant.Int8Weights;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Int8OpCheckTest {
  /**
   * 7-bit weights cannot overflow a u8 x s8 pair sum in int16 (2 * 255 * 63 < 32,767), so every
   * INT8 kernel computes them right on every CPU oneDNN supports, VNNI or not: within one output
   * step of the exact result.
   */
  @ParameterizedTest
  @EnumSource(Int8Pattern.class)
  void sevenBitWeightsAreExactUpToRequantizationEverywhere(Int8Pattern pattern) {
    Deviation d = Int8OpCheck.run(pattern, Int8Weights.SEVEN_BIT, HostNumerics.INT8_SEED);
    assertThat(d.withinBound()).as("%s: %s", pattern, d).isTrue();
  }

  /** The process's choice is the first weight range whose checks all pass here. */
  @Test
  void theHostChoiceFollowsTheChecks() {
    boolean eightBitRight = true;
    for (Int8Pattern p : Int8Pattern.values()) {
      eightBitRight &=
          Int8OpCheck.run(p, Int8Weights.EIGHT_BIT, HostNumerics.INT8_SEED).withinBound();
    }
    assertThat(HostNumerics.int8Weights())
        .isEqualTo(eightBitRight ? Int8Weights.EIGHT_BIT : Int8Weights.SEVEN_BIT);
  }

  @Test
  void theChoicePrefersFullResolution() {
    Map<Int8Weights, Boolean> both = new EnumMap<>(Int8Weights.class);
    both.put(Int8Weights.EIGHT_BIT, true);
    both.put(Int8Weights.SEVEN_BIT, true);
    assertThat(Int8Choice.choose(both)).contains(Int8Weights.EIGHT_BIT);
    both.put(Int8Weights.EIGHT_BIT, false);
    assertThat(Int8Choice.choose(both)).contains(Int8Weights.SEVEN_BIT);
    both.put(Int8Weights.SEVEN_BIT, false);
    assertThat(Int8Choice.choose(both)).isEmpty();
    assertThat(Int8Choice.choose(Map.of())).isEmpty();
  }
}
