package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The graphs built from the descriptions are op for op those of the hand-written ResNet/ResNet9
 * builders they replaced: the counts below were taken from those builders (training + inference
 * pass on one set of variables).
 */
class DescribedModelTest {
  private static Map<String, Integer> opTypes(ModelSpec spec) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 32, 32, 3)));
      Model m = Model.build(tf, spec, 1L);
      m.logits(ForwardPass.training(tf.withSubScope("train")), x);
      m.logits(ForwardPass.inference(tf.withSubScope("eval")), x);
      Map<String, Integer> counts = new TreeMap<>();
      g.operations()
          .forEachRemaining(op -> counts.merge(((GraphOperation) op).type(), 1, Integer::sum));
      return counts;
    }
  }

  @Test
  void resNet9IsTheSameGraphAsBefore() {
    assertThat(opTypes(new ModelSpec("resnet9", 10, 0.25, null, null)))
        .isEqualTo(
            Map.ofEntries(
                Map.entry("Add", 4),
                Map.entry("Assign", 41),
                Map.entry("AssignSub", 16),
                Map.entry("Const", 123),
                Map.entry("Conv2D", 16),
                Map.entry("Fill", 32),
                Map.entry("FusedBatchNormV3", 16),
                Map.entry("MatMul", 2),
                Map.entry("Max", 2),
                Map.entry("MaxPoolV2", 6),
                Map.entry("Mul", 27),
                Map.entry("Placeholder", 1),
                Map.entry("Relu", 16),
                Map.entry("StatelessRandomNormal", 9),
                Map.entry("Sub", 16),
                Map.entry("VariableV2", 41)));
  }

  @Test
  void resNet18DIsTheSameGraphAsBefore() {
    assertThat(opTypes(new ModelSpec("resnet18", 10, 0.25, "D", null)))
        .isEqualTo(
            Map.ofEntries(
                Map.entry("Add", 16),
                Map.entry("Assign", 112),
                Map.entry("AssignSub", 44),
                Map.entry("AvgPool", 6),
                Map.entry("BiasAdd", 2),
                Map.entry("Const", 297),
                Map.entry("Conv2D", 44),
                Map.entry("Fill", 89),
                Map.entry("FusedBatchNormV3", 44),
                Map.entry("MatMul", 2),
                Map.entry("MaxPoolV2", 2),
                Map.entry("Mean", 2),
                Map.entry("Mul", 67),
                Map.entry("Placeholder", 1),
                Map.entry("Relu", 38),
                Map.entry("StatelessRandomNormal", 23),
                Map.entry("Sub", 44),
                Map.entry("VariableV2", 112)));
  }

  @Test
  void resNet50IsTheSameGraphAsBefore() {
    assertThat(opTypes(new ModelSpec("resnet50", 10, 0.25, "B", null)))
        .isEqualTo(
            Map.ofEntries(
                Map.entry("Add", 32),
                Map.entry("Assign", 267),
                Map.entry("AssignSub", 106),
                Map.entry("BiasAdd", 2),
                Map.entry("Const", 700),
                Map.entry("Conv2D", 106),
                Map.entry("Fill", 213),
                Map.entry("FusedBatchNormV3", 106),
                Map.entry("MatMul", 2),
                Map.entry("MaxPoolV2", 2),
                Map.entry("Mean", 2),
                Map.entry("Mul", 160),
                Map.entry("Placeholder", 1),
                Map.entry("Relu", 98),
                Map.entry("StatelessRandomNormal", 54),
                Map.entry("Sub", 106),
                Map.entry("VariableV2", 267)));
  }
}
