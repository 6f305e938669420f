package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.precision.Precision;
import org.junit.jupiter.api.Test;

class ReferenceLayersTest {
  private final ReferenceLayers ref = new ReferenceLayers(Precision.BF16);

  /** 1x4x1 image 1,2,3,4. */
  private static Expected row() {
    return Expected.exact(new Nhwc(1, 1, 4, 1, new double[] {1, 2, 3, 4}));
  }

  @Test
  void sameStridedConvPutsTheOddPaddingAfter() {
    // 1x3 kernel of ones, stride 2, SAME on width 4: output 2, total padding 1, all of it after.
    FoldedConv c =
        new FoldedConv(
            "c", new float[] {1, 1, 1}, new float[] {0.5f}, 1, 3, 1, 1, 2, Padding.SAME, false);
    Expected y = ref.conv(row(), c);
    assertThat(y.value().v()).containsExactly(1 + 2 + 3 + 0.5, 3 + 4 + 0.5);
    // bound: three bf16 roundings of the absolute sum plus float32 accumulation of k + 1 terms
    assertThat(y.bound()[0]).isEqualTo(ErrorBound.linear(6.5, 3, Precision.BF16));
  }

  @Test
  void averagePoolingLeavesPaddingOutOfTheCount() {
    // 1x4 row, 3x3 window, stride 3, SAME: output 1x2; padding 1 before and 1 after in each axis
    Expected y = ref.avgPool(row(), new AvgPool(3, 3, Padding.SAME));
    // windows [pad,1,2] -> 1.5 and [3,4,pad] -> 3.5
    assertThat(y.value().v()).containsExactly(1.5, 3.5);
  }

  @Test
  void maxPoolingAddsNoErrorAndCarriesTheInputs() {
    // a 2x2 image 1,2 / 3,4 with bounds 0, 0.1 / 0.2, 0.05: one window
    Expected in =
        new Expected(
            new Nhwc(1, 2, 2, 1, new double[] {1, 2, 3, 4}), new double[] {0, 0.1, 0.2, 0.05});
    Expected y = ref.maxPool(in, new MaxPool(2, 2, Padding.VALID));
    assertThat(y.value().v()).containsExactly(4);
    assertThat(y.bound()).containsExactly(0.2);
  }

  @Test
  void aConvCarriesItsInputErrorThroughAbsoluteWeights() {
    Expected in = new Expected(row().value(), new double[] {1, 1, 1, 1});
    FoldedConv c =
        new FoldedConv(
            "c", new float[] {2, -3}, new float[] {0}, 1, 2, 1, 1, 1, Padding.VALID, false);
    Expected y = ref.conv(in, c);
    assertThat(y.value().v()).containsExactly(2 - 6, 4 - 9, 6 - 12);
    assertThat(y.bound()[0]).isEqualTo(5 + ErrorBound.linear(2 + 6, 2, Precision.BF16));
  }

  @Test
  void erfMatchesKnownValues() {
    assertThat(Erf.erf(0)).isZero();
    assertThat(Erf.erf(0.5))
        .isCloseTo(0.5204998778130465, org.assertj.core.data.Offset.offset(1e-13));
    assertThat(Erf.erf(-1))
        .isCloseTo(-0.8427007929497149, org.assertj.core.data.Offset.offset(1e-13));
    assertThat(Erf.erf(3.5))
        .isCloseTo(0.9999992569016276, org.assertj.core.data.Offset.offset(1e-9));
  }
}
