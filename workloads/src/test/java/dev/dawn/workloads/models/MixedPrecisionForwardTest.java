package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

class MixedPrecisionForwardTest {

  /**
   * Float32 and reduced-precision inference passes over the same variables and images. bf16 keeps 8
   * mantissa bits (relative rounding 2^-9 per op), fp16 keeps 11; after a dozen layers the logits
   * should still agree to a few percent of their range (measured: bf16 0.8% on ResNet-9, 1.6% on
   * ResNet-18-D; fp16 0.05%), while a wrong cast or a BN mistake would be off by the whole range.
   */
  @ParameterizedTest
  @CsvSource({"resnet9, , BF16, 0.05", "resnet18, D, BF16, 0.05", "resnet9, , FP16, 0.004"})
  void reducedPrecisionLogitsAgreeWithFloat32(
      String architecture, String variant, Precision precision, double relativeTolerance) {
    ModelSpec spec = new ModelSpec(architecture, 10, 0.125, variant, null);
    int batch = 4;
    int resolution = 24;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> images =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
      Model model = Model.build(tf, spec, 5L);
      Operand<TFloat32> reference =
          model.float32Logits(ForwardPass.inference(tf.withSubScope("fp32")), images);
      Operand<TFloat32> reduced =
          model.float32Logits(ForwardPass.inference(tf.withSubScope("mixed"), precision), images);
      assertThat(reduced.asOutput().dataType()).isEqualTo(DataType.DT_FLOAT);
      DataType compute = precision == Precision.BF16 ? DataType.DT_BFLOAT16 : DataType.DT_HALF;
      int convs = 0;
      for (var it = g.operations(); it.hasNext(); ) {
        var op = it.next();
        if (op.type().equals("Conv2D") && op.name().startsWith("mixed/")) {
          assertThat(op.output(0).dataType()).as(op.name()).isEqualTo(compute);
          convs++;
        }
      }
      assertThat(convs).isGreaterThan(5);

      float[] pixels = new float[batch * resolution * resolution * 3];
      Random random = new Random(11);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) random.nextGaussian();
      }
      try (Session s = new Session(g);
          TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(batch, resolution, resolution, 3), DataBuffers.of(pixels, true, false));
          Result r = s.runner().feed(images, x).fetch(reference).fetch(reduced).run()) {
        float[] a = values((TFloat32) r.get(0));
        float[] b = values((TFloat32) r.get(1));
        double range = 0;
        double maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
          range = Math.max(range, Math.abs(a[i]));
          maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        }
        assertThat(range).isGreaterThan(0);
        assertThat(maxDiff).isGreaterThan(0); // it really computed in another dtype
        assertThat(maxDiff).isLessThanOrEqualTo(relativeTolerance * range);
      }
    }
  }

  private static float[] values(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    t.asRawTensor().data().asFloats().read(out);
    return out;
  }
}
