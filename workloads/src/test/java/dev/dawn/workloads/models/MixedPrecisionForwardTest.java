package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.precision.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

class MixedPrecisionForwardTest {

  /**
   * The reduced-precision pass casts once at the input and computes every conv in the compute
   * dtype, returning float32 logits. Whether its numbers track float32 is checked with bounds from
   * the precision's arithmetic in {@code numerics.TrainingPassCheckTest}.
   */
  @ParameterizedTest
  @CsvSource({"resnet9, , BF16", "resnet18, D, BF16", "resnet9, , FP16"})
  void reducedPrecisionConvsComputeInTheComputeDtype(
      String architecture, String variant, Precision precision) {
    ModelSpec spec = new ModelSpec(architecture, 10, 0.125, variant, null);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> images =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
      Model model = Model.build(tf, spec, 5L);
      Operand<TFloat32> reduced =
          model.float32Logits(ForwardPass.inference(tf.withSubScope("mixed"), precision), images);
      assertThat(reduced.asOutput().dataType()).isEqualTo(DataType.DT_FLOAT);
      int convs = 0;
      for (var it = g.operations(); it.hasNext(); ) {
        var op = it.next();
        if (op.type().equals("Conv2D") && op.name().startsWith("mixed/")) {
          assertThat(op.output(0).dataType()).as(op.name()).isEqualTo(precision.dataType());
          convs++;
        }
      }
      assertThat(convs).isGreaterThan(5);
    }
  }
}
