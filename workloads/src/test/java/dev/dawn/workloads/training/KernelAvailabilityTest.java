package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.precision.Precision;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;

class KernelAvailabilityTest {

  @Test
  void theTrainingOpsHaveBfloat16AndHalfKernelsInThisBuild() {
    for (String op :
        new String[] {
          "Conv2D",
          "Conv2DBackpropFilter",
          "Conv2DBackpropInput",
          "MatMul",
          "Relu",
          "ReluGrad",
          "MaxPool",
          "MaxPoolV2",
          "MaxPoolGradV2",
          "AvgPool",
          "AvgPoolGrad",
          "Mean",
          "Max",
          "FusedBatchNormV3",
          "FusedBatchNormGradV3",
          "AddV2",
          "Cast",
          "BiasAdd"
        }) {
      assertThat(KernelAvailability.hasKernel(op, DataType.DT_BFLOAT16)).as(op).isTrue();
      assertThat(KernelAvailability.hasKernel(op, DataType.DT_HALF)).as(op).isTrue();
    }
    assertThat(KernelAvailability.hasKernel("Conv2D", DataType.DT_STRING)).isFalse();
  }

  /**
   * Cholesky has float/double/complex CPU kernels; XLA registers a half one for its JIT device once
   * a session exists.
   */
  @Test
  void aGraphWithAnOpLackingTheDtypesKernelIsRejectedNamingOpAndDtype() {
    try (Graph other = new Graph();
        Session s = new Session(other)) {
      s.runner().fetch(Ops.create(other).constant(1f)).run().close();
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var half = tf.dtypes.cast(tf.constant(new float[][] {{4f, 0f}, {0f, 9f}}), TFloat16.class);
      tf.linalg.cholesky(half);
      assertThatThrownBy(() -> KernelAvailability.require(g, Precision.FP16))
          .isInstanceOf(MissingKernelException.class)
          .hasMessageContaining("precision fp16")
          .hasMessageContaining("DT_HALF kernel for op(s) [Cholesky]");
    }
  }

  @Test
  void float32GraphsAreNotChecked() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      tf.linalg.cholesky(tf.constant(new float[][] {{4f, 0f}, {0f, 9f}}));
      assertThatCode(() -> KernelAvailability.require(g, Precision.FP32))
          .doesNotThrowAnyException();
      assertThat(tf.constant(1f).type()).isEqualTo(TFloat32.class);
    }
  }
}
