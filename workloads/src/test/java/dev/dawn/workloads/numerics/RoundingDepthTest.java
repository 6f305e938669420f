package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;

class RoundingDepthTest {
  @Test
  void countsEachRoundingOnTheLongestPathAndEachRoundedWeight() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 4, 4, 1)));
      Operand<TBfloat16> xb = tf.dtypes.cast(x, TBfloat16.class); // 1
      Operand<TBfloat16> w =
          tf.dtypes.cast(tf.constant(new float[][][][] {{{{1f}}}}), TBfloat16.class);
      Operand<TBfloat16> conv =
          tf.nn.conv2d(xb, w, List.of(1L, 1L, 1L, 1L), "SAME"); // 1 + weight 1
      Operand<TBfloat16> relu = tf.nn.relu(conv); // exact
      Operand<TBfloat16> sum = tf.math.add(relu, xb); // 1: the longest path goes through the conv
      Operand<TFloat32> out = tf.dtypes.cast(sum, TFloat32.class); // float32: not counted
      assertThat(RoundingDepth.of(x, out, DataType.DT_BFLOAT16)).isEqualTo(4);
    }
  }
}
