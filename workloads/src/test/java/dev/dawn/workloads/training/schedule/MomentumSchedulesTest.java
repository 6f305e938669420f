package dev.dawn.workloads.training.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MomentumSchedulesTest {

  @Test
  void dynamicMomentumFollowsTheLearningRateInverselyAndIsClamped() {
    LearningRateSchedule lr =
        epoch -> epoch; // lr equals the epoch, so each value below is easy to place
    DynamicMomentum dm = new DynamicMomentum(lr, 0.2, 28.0, 0.9, 0.98);
    assertThat(dm.at(28.0)).isCloseTo(0.9, within(1e-12));
    assertThat(dm.at(0.2)).isCloseTo(0.98, within(1e-12));
    // lr 14.1 is halfway between 0.2 and 28 -> 0.94
    assertThat(dm.at(14.1)).isCloseTo(0.94, within(1e-12));
    // below minLr (e.g. warmup from 0) and above maxLr stay inside [0.9, 0.98]
    assertThat(dm.at(0.0)).isEqualTo(0.98);
    assertThat(dm.at(30.0)).isEqualTo(0.9);
  }

  @Test
  void piecewiseLinearCyclesMomentum() {
    MomentumSchedule cycle =
        PiecewiseLinear.of(new double[] {0, 14, 28}, new double[] {0.98, 0.9, 0.98});
    assertThat(cycle.at(7)).isCloseTo(0.94, within(1e-12));
    assertThat(cycle.at(14)).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void constantMomentum() {
    assertThat(new ConstantSchedule(0.9).at(123)).isEqualTo(0.9);
  }

  @Test
  void rejectsInvertedRanges() {
    assertThatThrownBy(() -> new DynamicMomentum(e -> 1, 1, 1, 0.9, 0.98))
        .hasMessageContaining("maxLr");
    assertThatThrownBy(() -> new DynamicMomentum(e -> 1, 0.2, 28, 0.98, 0.9))
        .hasMessageContaining("min <= max");
    assertThatThrownBy(() -> new DynamicMomentum(e -> 1, 0.2, 28, 0.9, 1.0))
        .hasMessageContaining("< 1");
  }
}
