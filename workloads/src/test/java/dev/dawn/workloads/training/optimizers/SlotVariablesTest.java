package dev.dawn.workloads.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.training.optimizers.GraphOptimizer.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class SlotVariablesTest {

  @Test
  void slotsAreNamedAfterTheParameterAndStartAtZero() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w =
          tf.withName("w").variable(tf.withInitScope().constant(new float[][] {{1, 2}, {3, 4}}));
      Parameter p = new Parameter(w, tf.zerosLike(w), true, "layer1/conv:0");
      Variable<TFloat32> slot = SlotVariables.zerosLike(tf, p, "lars", "velocity");
      assertThat(slot.op().name()).isEqualTo("lars/layer1_conv_0/velocity");
      assertThat(slot.shape().asArray()).containsExactly(2, 2);
      // A second optimiser on the same graph gets distinct slot names instead of a clash.
      Variable<TFloat32> again = SlotVariables.zerosLike(tf, p, "lars", "velocity");
      assertThat(again.op().name()).isNotEqualTo(slot.op().name());
      try (Session s = new Session(g)) {
        s.initialize();
        try (Result r = s.runner().fetch(slot).run()) {
          TFloat32 t = (TFloat32) r.get(0);
          assertThat(
                  List.of(t.getFloat(0, 0), t.getFloat(0, 1), t.getFloat(1, 0), t.getFloat(1, 1)))
              .containsOnly(0f);
        }
      }
    }
  }

  @Test
  void scalarParametersGetScalarSlots() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> scale = tf.withName("scale").variable(tf.withInitScope().constant(2f));
      Variable<TFloat32> slot =
          SlotVariables.zerosLike(
              tf,
              new Parameter(scale, tf.zerosLike(scale), false, "scale"),
              "momentum",
              "velocity");
      assertThat(slot.shape().numDimensions()).isZero();
      try (Session s = new Session(g);
          Result r = s.runner().fetch(slot).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat()).isZero();
      }
    }
  }

  @Test
  void opNamesAreSanitised() {
    assertThat(SlotVariables.opName("conv1/kernel")).isEqualTo("conv1_kernel");
    assertThat(SlotVariables.opName("_bias")).isEqualTo("bias");
    assertThat(SlotVariables.opName("///")).isEqualTo("param");
  }
}
