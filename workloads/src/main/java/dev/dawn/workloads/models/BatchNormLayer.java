package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * FusedBatchNormV3. Training passes normalise with batch statistics and register assign ops that
 * move the moving mean/variance towards them; inference passes normalise with the moving
 * statistics. Under mixed precision x arrives in the compute dtype while gamma, beta and the
 * statistics stay float32 (the op's U type), so nothing is cast here.
 */
public final class BatchNormLayer {
  private final Operand<TFloat32> gamma;
  private final Variable<TFloat32> beta;
  private final Variable<TFloat32> movingMean;
  private final Variable<TFloat32> movingVariance;
  private final float decay;
  private final DataFormat format;

  /**
   * @param gamma a variable, or a constant for a fixed scale
   */
  BatchNormLayer(
      Operand<TFloat32> gamma,
      Variable<TFloat32> beta,
      Variable<TFloat32> movingMean,
      Variable<TFloat32> movingVariance,
      float decay,
      DataFormat format) {
    this.gamma = gamma;
    this.beta = beta;
    this.movingMean = movingMean;
    this.movingVariance = movingVariance;
    this.decay = decay;
    this.format = format;
  }

  public Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x) {
    Ops tf = pass.tf();
    if (!pass.isTraining()) {
      return tf.nn
          .fusedBatchNorm(
              x,
              gamma,
              beta,
              movingMean,
              movingVariance,
              FusedBatchNorm.isTraining(false),
              FusedBatchNorm.epsilon(LayerFactory.BN_EPSILON),
              FusedBatchNorm.dataFormat(format.name()))
          .y();
    }
    // Empty mean/variance inputs: with the default exponential_avg_factor of 1 the op ignores them
    // in training mode.
    Operand<TFloat32> empty = tf.constant(new float[0]);
    FusedBatchNorm<TFloat32, TFloat32> bn =
        tf.nn.fusedBatchNorm(
            x,
            gamma,
            beta,
            empty,
            empty,
            FusedBatchNorm.isTraining(true),
            FusedBatchNorm.epsilon(LayerFactory.BN_EPSILON),
            FusedBatchNorm.dataFormat(format.name()));
    // moving -= (1 - decay) * (moving - batch); batchVariance is the unbiased (Bessel-corrected)
    // variance.
    Operand<TFloat32> rate = tf.constant(1f - decay);
    pass.addMovingAverageUpdate(
        tf.assignSub(movingMean, tf.math.mul(tf.math.sub(movingMean, bn.batchMean()), rate)));
    pass.addMovingAverageUpdate(
        tf.assignSub(
            movingVariance, tf.math.mul(tf.math.sub(movingVariance, bn.batchVariance()), rate)));
    return bn.y();
  }

  public Variable<TFloat32> movingMean() {
    return movingMean;
  }

  public Variable<TFloat32> movingVariance() {
    return movingVariance;
  }
}
