package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/**
 * Random-weight versions of any described architecture, for speed measurements (JMH, INT8 vs FP32,
 * {@code dawn infer --random-resnet50}) where only the shapes matter: the model's own variables
 * (names and shapes from the training graph, so nothing is restated) filled with He-normal kernels
 * and BN shifts that are small positive values, so ReLU outputs are not all zero, then folded like
 * a trained model.
 */
public final class RandomNets {
  private RandomNets() {}

  /**
   * @param resolution square input size of the folded net
   */
  public static FoldedNet folded(ModelSpec spec, int resolution, long seed) {
    return BnFolding.fold(weights(spec, seed), resolution);
  }

  public static ModelWeights weights(ModelSpec spec, long seed) {
    Map<String, long[]> shapes;
    try (Graph g = new Graph()) {
      shapes = VariableStore.variableShapes(Model.build(Ops.create(g), spec, seed));
    }
    Random rnd = new Random(seed);
    List<WeightTensor> tensors = new ArrayList<>();
    shapes.forEach(
        (name, shape) -> tensors.add(new WeightTensor(name, shape, values(name, shape, rnd))));
    return new ModelWeights(spec, tensors);
  }

  private static float[] values(String name, long[] shape, Random rnd) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[Math.toIntExact(n)];
    if (shape.length
        > 1) { // kernel: normal with std sqrt(2 / fan-in) (conv) or sqrt(1 / in) (dense)
      long fanIn = n / shape[shape.length - 1];
      double std = Math.sqrt((shape.length == 4 ? 2.0 : 1.0) / fanIn);
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (rnd.nextGaussian() * std);
      }
    } else if (name.endsWith(".gamma") || name.endsWith(".moving_variance")) {
      java.util.Arrays.fill(v, 1f);
    } else if (name.endsWith(".beta") || name.endsWith(".conv.bias")) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (0.05 + 0.05 * rnd.nextGaussian());
      }
    } // moving means and the classifier bias stay 0
    return v;
  }
}
