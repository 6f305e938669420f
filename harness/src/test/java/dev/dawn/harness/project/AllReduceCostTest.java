package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Ring, hierarchical and push-pull exchanges against costs worked out by hand. */
class AllReduceCostTest {

  @Test
  void ringMovesTwiceTheDataMinusOneShareAndPaysTwoHopsPerParticipantLessOne() {
    // 4 participants, 1 GB at 1 GB/s: 2 x 3/4 x 1 s = 1.5 s; 2 x 3 hops x 10 us = 60 us
    assertThat(AllReduceCost.ring(4, 1e9, 1e9, 0)).isCloseTo(1.5, within(1e-12));
    assertThat(AllReduceCost.ring(4, 1e9, 1e9, 1e-5)).isCloseTo(1.50006, within(1e-12));
  }

  @Test
  void aSingleParticipantSendsNothing() {
    assertThat(AllReduceCost.ring(1, 1e9, 1e9, 1.0)).isZero();
  }

  @Test
  void hierarchicalIsARingInsideTheNodePlusARingBetweenNodes() {
    // 2 nodes x 8 devices, 100 MB; NVLink 50 GB/s, 5 us; network 3.125 GB/s (25 Gbit/s), 30 us
    // inside: 2 x 7/8 x 1e8 / 5e10 = 3.5 ms, + 14 x 5 us = 0.07 ms
    // between: 2 x 1/2 x 1e8 / 3.125e9 = 32 ms, + 2 x 30 us = 0.06 ms
    double t = AllReduceCost.hierarchical(2, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5);
    assertThat(t).isCloseTo(0.0035 + 0.00007 + 0.032 + 0.00006, within(1e-12));
  }

  @Test
  void aFlatRingAcrossNodesRunsAllItsStepsAtNetworkSpeed() {
    // 16 devices: 2 x 15/16 x 1e8 / 3.125e9 = 60 ms, + 30 hops x 30 us = 0.9 ms
    assertThat(AllReduceCost.flatRing(2, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5))
        .isCloseTo(0.0609, within(1e-12));
    // one node: the fast link only
    assertThat(AllReduceCost.flatRing(1, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5))
        .isCloseTo(AllReduceCost.ring(8, 1e8, 5e10, 5e-6), within(1e-15));
  }

  @Test
  void onTwoNodesHierarchicalBeatsTheFlatRingOnBandwidth() {
    assertThat(AllReduceCost.hierarchical(16, 8, 5.1e7, 5e10, 5e-6, 3.125e9, 3e-5))
        .isLessThan(AllReduceCost.flatRing(16, 8, 5.1e7, 5e10, 5e-6, 3.125e9, 3e-5));
  }

  @Test
  void pushPullReducesInsideTheNodeThenPaysTheRingsBytesAndTwoLegsBetweenNodes() {
    // 16 nodes x 8 devices, 100 MB; NVLink 50 GB/s, 5 us; network 3.125 GB/s, 30 us
    // inside: 2 x 7/8 x 1e8 / 5e10 = 3.5 ms, + 14 x 5 us = 0.07 ms
    // between: 2 x 15/16 x 1e8 / 3.125e9 = 60 ms, + 2 legs x 30 us = 0.06 ms
    assertThat(AllReduceCost.pushPull(16, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5))
        .isCloseTo(0.0035 + 0.00007 + 0.060 + 0.00006, within(1e-12));
    // the hierarchical ring moves the same bytes but pays 2 x 15 hops between nodes
    assertThat(
            AllReduceCost.hierarchical(16, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5)
                - AllReduceCost.pushPull(16, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5))
        .isCloseTo(28 * 3e-5, within(1e-12));
    // one node: only the reduce inside it
    assertThat(AllReduceCost.pushPull(1, 8, 1e8, 5e10, 5e-6, 3.125e9, 3e-5))
        .isCloseTo(AllReduceCost.ring(8, 1e8, 5e10, 5e-6), within(1e-15));
  }
}
