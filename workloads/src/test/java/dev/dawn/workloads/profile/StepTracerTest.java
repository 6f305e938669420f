package dev.dawn.workloads.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class StepTracerTest {

  @Test
  void theProfileOfATinyGraphNamesItsOpsAndItsSharesSumToOne() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      // A placeholder, so that constant folding cannot remove the ops before they run.
      Operand<TFloat32> x = tf.withName("x").placeholder(TFloat32.class);
      Operand<TFloat32> y = tf.withName("product").linalg.matMul(x, x);
      Operand<TFloat32> out =
          tf.withName("activated").nn.relu(tf.withName("shifted").math.add(y, x));

      TracedOps p;
      try (TFloat32 in =
          TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{1f, -2f}, {3f, 4f}}))) {
        p = StepTracer.trace("tiny", 3, () -> s.runner().feed(x, in).fetch(out));
      }

      assertThat(p.label()).isEqualTo("tiny");
      assertThat(p.steps()).isEqualTo(3);
      assertThat(p.nodes())
          .extracting(TracedOps.Node::name)
          .contains("product", "shifted", "activated");
      assertThat(p.nodes())
          .filteredOn(op -> op.name().equals("activated"))
          .extracting(TracedOps.Node::type)
          .containsOnly("Relu");
      assertThat(p.nodes())
          .filteredOn(op -> op.name().equals("product"))
          .extracting(TracedOps.Node::calls)
          .containsOnly(3L);
      double shares =
          p.nodes().stream().mapToDouble(op -> op.totalMicros() / p.totalMicros()).sum();
      assertThat(shares).isCloseTo(1.0, within(1e-9));
      assertThat(p.totalMicros()).isPositive();
    }
  }
}
