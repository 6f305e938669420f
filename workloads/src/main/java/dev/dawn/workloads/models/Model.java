package dev.dawn.workloads.models;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A network whose variables exist once in a graph and which can be applied by several forward
 * passes.
 */
public interface Model {

  /**
   * @param images NHWC float images of any batch size and spatial size
   * @return logits [N, numClasses]
   */
  Operand<TFloat32> logits(ForwardPass pass, Operand<TFloat32> images);

  /**
   * Logits in float32 whatever the pass's precision: the float32 images are cast to the compute
   * dtype on the way in and the logits back on the way out, so the loss and top-k always run in
   * float32.
   */
  default Operand<TFloat32> float32Logits(ForwardPass pass, Operand<TFloat32> images) {
    return pass.toFloat32(logits(pass, pass.toCompute(images)));
  }

  List<TrainableWeight> trainables();

  ModelSpec spec();

  default long parameterCount() {
    return trainables().stream().mapToLong(TrainableWeight::size).sum();
  }

  /**
   * Creates the variables of {@code spec}'s network in {@code tf}'s graph, initialised
   * deterministically from seed.
   */
  static Model build(Ops tf, ModelSpec spec, long seed) {
    LayerFactory layers =
        new LayerFactory(tf, spec.dataFormat(), seed, spec.description().bnDecay());
    return new DescribedModel(spec, layers);
  }
}
