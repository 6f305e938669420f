package dev.dawn.workloads.inference.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizationParamsTest {
  @Test
  void uint8RoundTripIsWithinHalfAStepOverTheWholeRange() {
    Random rnd = new Random(3);
    float[][] ranges = {{-1.3f, 4.7f}, {0f, 6f}, {-2f, -0.5f}, {0.25f, 3f}, {-10.4f, 0.1f}};
    for (float[] r : ranges) {
      Uint8Affine q = Uint8Affine.forRange(r[0], r[1]);
      float lo = Math.min(r[0], 0), hi = Math.max(r[1], 0);
      assertThat(q.dequantize(q.zeroPoint())).isEqualTo(0f); // zero is exact
      for (int i = 0; i < 20_000; i++) {
        float x = lo + (hi - lo) * rnd.nextFloat();
        int code = q.quantize(x);
        assertThat(code).isBetween(0, 255);
        assertThat(Math.abs(q.dequantize(code) - x))
            .isLessThanOrEqualTo(q.scale() * 0.5f * 1.0001f);
      }
      for (float edge : new float[] {lo, hi}) {
        assertThat(Math.abs(q.dequantize(q.quantize(edge)) - edge))
            .isLessThanOrEqualTo(q.scale() * 0.5f * 1.0001f);
      }
    }
  }

  @Test
  void uint8ClampsOutsideTheRangeAndKnowsItsScale() {
    Uint8Affine q = Uint8Affine.forRange(0f, 2.55f);
    assertThat(q.scale()).isCloseTo(0.01f, within(1e-7f));
    assertThat(q.zeroPoint()).isZero();
    assertThat(q.quantize(100f)).isEqualTo(255);
    assertThat(q.quantize(-1f)).isZero();
    assertThat(q.quantize(1.004f)).isEqualTo(100);
    assertThatThrownBy(() -> Uint8Affine.forRange(2f, 1f)).hasMessageContaining("min <= max");
  }

  @Test
  void int8PerChannelUsesEachOutputChannelsOwnScale() {
    // HWIO with 2 output channels: channel 0 values small, channel 1 large.
    float[] kernel = {0.01f, 10f, -0.02f, -5f, 0.005f, 2.5f, 0f, 0f};
    Int8PerChannel q = Int8PerChannel.ofKernel(kernel, 2, Int8Weights.EIGHT_BIT);
    assertThat(q.scale(0)).isCloseTo(0.02f / 127, within(1e-9f));
    assertThat(q.scale(1)).isCloseTo(10f / 127, within(1e-7f));
    byte[] codes = q.quantizeKernel(kernel);
    assertThat(codes[2]).isEqualTo((byte) -127);
    assertThat(codes[1]).isEqualTo((byte) 127);
    for (int i = 0; i < kernel.length; i++) {
      int c = i % 2;
      assertThat(Math.abs(q.dequantize(codes[i], c) - kernel[i]))
          .isLessThanOrEqualTo(q.scale(c) * 0.5f * 1.0001f);
    }
    assertThat(q.minFilter()).containsExactly(-0.02f, -10f);
    assertThat(q.maxFilter()).containsExactly(0.02f, 10f);
  }

  @Test
  void int8RandomKernelsRoundTripWithinHalfAStep() {
    Random rnd = new Random(11);
    int out = 16;
    float[] k = new float[3 * 3 * 8 * out];
    for (int i = 0; i < k.length; i++) {
      k[i] = (float) (rnd.nextGaussian() * (1 + i % out));
    }
    Int8PerChannel q = Int8PerChannel.ofKernel(k, out, Int8Weights.EIGHT_BIT);
    byte[] codes = q.quantizeKernel(k);
    for (int i = 0; i < k.length; i++) {
      assertThat(Math.abs(q.dequantize(codes[i], i % out) - k[i]))
          .isLessThanOrEqualTo(q.scale(i % out) * 0.5f * 1.0001f);
    }
  }

  @Test
  void allZeroChannelAndBadShapes() {
    Int8PerChannel q =
        Int8PerChannel.ofKernel(new float[] {0f, 1f, 0f, -1f}, 2, Int8Weights.EIGHT_BIT);
    assertThat(q.quantize(0f, 0)).isZero();
    assertThat(q.scale(0)).isEqualTo(1f);
    assertThatThrownBy(() -> Int8PerChannel.ofKernel(new float[5], 2, Int8Weights.EIGHT_BIT))
        .hasMessageContaining("not divisible");
    assertThatThrownBy(
            () -> Int8PerChannel.ofKernel(new float[] {Float.NaN, 0}, 2, Int8Weights.EIGHT_BIT))
        .hasMessageContaining("element 0");
  }
}
