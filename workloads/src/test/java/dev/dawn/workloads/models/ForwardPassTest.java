package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TFUnimplementedException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ForwardPassTest {

  /** Inference logits of a freshly initialised model on a fixed random batch. */
  private static float[] inferenceLogits(ModelSpec spec, int batch, int resolution) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> images =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
      Model model = Model.build(tf, spec, 3L);
      Operand<TFloat32> logits =
          model.logits(ForwardPass.inference(tf.withSubScope("eval")), images);
      float[] pixels = new float[batch * resolution * resolution * 3];
      Random random = new Random(9);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) random.nextGaussian();
      }
      try (Session s = new Session(g);
          TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(batch, resolution, resolution, 3),
                  DataBuffers.of(pixels, true, false))) {
        s.initialize();
        try (Result r = s.runner().feed(images, x).fetch(logits).run()) {
          TFloat32 out = (TFloat32) r.get(0);
          assertThat(out.shape().asArray()).containsExactly(batch, spec.numClasses());
          float[] values = new float[(int) out.size()];
          out.asRawTensor().data().asFloats().read(values);
          return values;
        }
      }
    }
  }

  @Test
  void sameSeedGivesSameWeightsAndLogits() {
    ModelSpec spec = new ModelSpec("resnet9", 10, 0.125, null, null);
    assertThat(inferenceLogits(spec, 2, 16)).containsExactly(inferenceLogits(spec, 2, 16));
  }

  /**
   * TF's default (Eigen) CPU conv kernels accept only NHWC; NCHW needs a GPU or oneDNN
   * (TF_ENABLE_ONEDNN_OPTS=1). Without them this test is skipped with TF's reason (any other
   * failure still fails it).
   */
  @Test
  void nchwLayoutComputesTheSameFunctionAsNhwc() {
    try {
      inferenceLogits(new ModelSpec("resnet9", 10, 0.125, null, DataFormat.NCHW), 1, 8);
    } catch (TFUnimplementedException | TFInvalidArgumentException e) {
      Assumptions.assumeTrue(
          !e.getMessage().contains("only supports the NHWC"),
          "NCHW needs GPU or oneDNN kernels (TF_ENABLE_ONEDNN_OPTS=1): " + e.getMessage());
      throw e;
    }
    for (ModelSpec spec :
        new ModelSpec[] {
          new ModelSpec("resnet9", 10, 0.125, null, DataFormat.NHWC),
          new ModelSpec("resnet50", 7, 0.0625, "D", DataFormat.NHWC)
        }) {
      float[] nhwc = inferenceLogits(spec, 2, 24);
      float[] nchw = inferenceLogits(spec.withDataFormat(DataFormat.NCHW), 2, 24);
      for (int i = 0; i < nhwc.length; i++) {
        assertThat(nchw[i])
            .as("logit %d of %s", i, spec)
            .isCloseTo(nhwc[i], within(1e-4f + 1e-4f * Math.abs(nhwc[i])));
      }
    }
  }

  @Test
  void architecturesAndVariantsRunAtOddAndEvenResolutions() {
    String[][] cases = {{"resnet18", "C"}, {"resnet34", "B"}, {"resnet50", "A"}, {"resnet50", "D"}};
    for (String[] c : cases) {
      ModelSpec spec = new ModelSpec(c[0], 3, 0.0625, c[1], null);
      assertThat(inferenceLogits(spec, 1, c[1].equals("D") ? 19 : 32))
          .hasSize(3)
          .doesNotContain(Float.NaN);
    }
  }
}
