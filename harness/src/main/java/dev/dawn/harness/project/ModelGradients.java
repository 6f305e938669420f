package dev.dawn.harness.project;

import dev.dawn.workloads.distributed.GradientTensors;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/**
 * Gradient tensor sizes of a network, taken from the model builder itself (its trainable weights in
 * creation order).
 */
public final class ModelGradients {
  private ModelGradients() {}

  public static List<Long> elementCounts(ModelSpec spec) {
    try (Graph g = new Graph()) {
      return GradientTensors.elementCounts(Model.build(Ops.create(g), spec, 0L));
    }
  }
}
