package dev.dawn.workloads.inference.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.data.DecodedImage;
import dev.dawn.workloads.data.EvalTransform;
import dev.dawn.workloads.data.PipelineOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class InputImageTest {
  private static DecodedImage image(long seed) {
    byte[] rgb = new byte[40 * 30 * 3];
    new Random(seed).nextBytes(rgb);
    return new DecodedImage(40, 30, rgb);
  }

  @Test
  void eachFillWritesThatImageIntoTheSameTensor() {
    EvalTransform transform = new EvalTransform(16, PipelineOptions.defaults());
    try (InputImage input = new InputImage(transform)) {
      TFloat32 first = input.fill(image(1));
      TFloat32 second = input.fill(image(2));
      assertThat(second).isSameAs(first);
      assertThat(second.shape().asArray()).containsExactly(1, 16, 16, 3);
      float[] expected = transform.apply(image(2));
      float[] got = new float[expected.length];
      second.copyTo(DataBuffers.of(got, false, false));
      assertThat(got).containsExactly(expected);
      assertThat(got).isNotEqualTo(transform.apply(image(1)));
    }
  }
}
