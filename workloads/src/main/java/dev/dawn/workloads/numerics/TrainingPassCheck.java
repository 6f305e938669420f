package dev.dawn.workloads.numerics;

import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.TrainableWeight;
import dev.dawn.workloads.precision.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training model's own graph in a reduced precision (variables and batch norm in float32,
 * convolutions in the compute dtype, see {@link ForwardPass}), against the same model in float32:
 *
 * <ul>
 *   <li>inference logits: {@code max |reduced - fp32| <= d u max |fp32|}, with {@code d} the
 *       roundings on the longest path ({@link RoundingDepth}) and {@code u} the unit roundoff. Each
 *       rounding perturbs a value by at most {@code u} of its size, and a batch-normalised layer
 *       passes a relative perturbation on at about the same relative size, so d of them reach the
 *       logits as at most {@code d u} of their scale (to first order). A wrong cast or a wrong
 *       kernel is off by the whole scale.
 *   <li>one training step's gradients (batch statistics, backward pass): computed three times from
 *       the same weights and batch they must be finite and bit for bit the same. A kernel that
 *       reads uninitialised memory or races returns different bits.
 * </ul>
 */
public final class TrainingPassCheck {
  private static final int REPEATS = 3;

  private TrainingPassCheck() {}

  public static NetOutcome run(ModelSpec spec, Precision precision, Nhwc images, long seed) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(FetchedTensors.shapeOf(images)));
      Model model = Model.build(tf, spec, seed);
      Operand<TFloat32> reference =
          model.float32Logits(ForwardPass.inference(tf.withSubScope("fp32")), x);
      Operand<TFloat32> reduced =
          model.float32Logits(ForwardPass.inference(tf.withSubScope("reduced"), precision), x);
      int depth = RoundingDepth.of(x, reduced, precision.dataType());

      Map<String, Operand<TFloat32>> fetches = new LinkedHashMap<>();
      fetches.put("fp32", reference);
      fetches.put("reduced", reduced);
      fetches.put("gradients", gradientNorms(tf, model, precision, x, spec.numClasses(), seed));
      List<FetchedTensors> runs = new ArrayList<>();
      for (int i = 0; i < REPEATS; i++) {
        runs.add(FetchedTensors.run(s, x, images, fetches));
      }
      FetchedTensors first = runs.get(0);
      boolean repeatable = true;
      for (FetchedTensors r : runs.subList(1, runs.size())) {
        repeatable &= first.sameBits(r);
      }
      for (float v : first.floats("gradients")) {
        repeatable &= Float.isFinite(v);
      }
      return new NetOutcome(List.of(logitDeviation(first, depth, precision)), repeatable);
    }
  }

  /** The logits of the reduced pass against fp32's, bounded by {@code d u} of their scale. */
  private static Deviation logitDeviation(FetchedTensors got, int depth, Precision p) {
    float[] want = got.floats("fp32");
    float[] have = got.floats("reduced");
    double scale = 0;
    for (float v : want) {
      scale = Math.max(scale, Math.abs(v));
    }
    double bound = Math.max(depth, 1) * p.unitRoundoff() * scale;
    double worst = 0;
    double exact = 0;
    for (int i = 0; i < want.length; i++) {
      double err = Float.isFinite(have[i]) ? Math.abs(have[i] - want[i]) : Double.POSITIVE_INFINITY;
      if (err >= worst) {
        worst = err;
        exact = want[i];
      }
    }
    return new Deviation(
        "logits (" + depth + " roundings deep)", worst, bound, exact, worst / bound);
  }

  /**
   * Per trainable weight, the squared norm of its gradient under a training-mode pass of the
   * checked precision; the loss is a fixed random linear function of the logits, so every logit's
   * gradient is nonzero.
   */
  private static Operand<TFloat32> gradientNorms(
      Ops tf, Model model, Precision p, Operand<TFloat32> x, int classes, long seed) {
    ForwardPass pass = ForwardPass.training(tf.withSubScope("train"), p);
    Operand<TFloat32> logits = model.float32Logits(pass, x);
    long batch = x.shape().get(0);
    float[] r = new float[(int) (batch * classes)];
    Random rnd = new Random(seed);
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) rnd.nextGaussian();
    }
    Operand<TFloat32> loss =
        tf.math.mean(
            tf.math.mul(
                logits, tf.constant(Shape.of(batch, classes), DataBuffers.of(r, true, false))),
            tf.constant(new int[] {0, 1}));
    List<Operand<?>> weights = new ArrayList<>();
    for (TrainableWeight w : model.trainables()) {
      weights.add(w.variable());
    }
    Gradients grads = tf.gradients(loss, weights);
    List<Operand<TFloat32>> norms = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Operand<TFloat32> dy = grads.dy(i);
      norms.add(
          tf.reshape(
              tf.reduceSum(tf.math.square(dy), allAxes(tf, dy)), tf.constant(new int[] {1})));
    }
    return tf.concat(norms, tf.constant(0));
  }

  private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<TFloat32> t) {
    int rank = t.shape().numDimensions();
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }
}
