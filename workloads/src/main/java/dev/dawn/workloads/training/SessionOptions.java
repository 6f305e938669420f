package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;

/**
 * Everything a {@link TrainingSession} is built from. {@link #of} gives the plain case (no label
 * smoothing, kernels-only weight decay, one update per batch, fp32, one replica in one process,
 * TensorFlow's thread defaults); the {@code with...} methods change one setting each.
 *
 * @param seed initialises every variable (every replica and worker the same way)
 * @param decayBnAndBias also mark BN gamma/beta and biases for weight decay; without it only
 *     conv/FC kernels are decayed (the "no bias decay" trick)
 * @param accumulationSteps micro-batches per weight update (1 = none): a train step then only adds
 *     its gradients to the sums (and updates BN statistics per micro-batch), and {@link
 *     TrainingSession#applyAccumulated} applies their mean
 * @param precision compute dtype of the forward and backward passes and the loss scaling
 * @param replicas data-parallel replicas in this process and the cluster of workers; with more than
 *     one copy in all, every fed training batch must divide by the replicas
 */
public record SessionOptions(
    ModelSpec spec,
    GraphOptimizer optimizer,
    long seed,
    LossSettings loss,
    boolean decayBnAndBias,
    int accumulationSteps,
    PrecisionSettings precision,
    ReplicaSettings replicas,
    ThreadSettings threads) {

  public SessionOptions {
    if (spec == null
        || optimizer == null
        || loss == null
        || precision == null
        || replicas == null
        || threads == null) {
      throw new IllegalArgumentException(
          "a training session needs a model spec, optimizer, loss, precision, replica and thread"
              + " settings");
    }
    if (accumulationSteps < 1) {
      throw new IllegalArgumentException(
          "accumulationSteps must be >= 1, got " + accumulationSteps);
    }
  }

  public static SessionOptions of(ModelSpec spec, GraphOptimizer optimizer, long seed) {
    return new SessionOptions(
        spec,
        optimizer,
        seed,
        LossSettings.NONE,
        false,
        1,
        PrecisionSettings.FP32,
        ReplicaSettings.SINGLE,
        ThreadSettings.TF_DEFAULT);
  }

  public SessionOptions withLoss(LossSettings value) {
    return new SessionOptions(
        spec,
        optimizer,
        seed,
        value,
        decayBnAndBias,
        accumulationSteps,
        precision,
        replicas,
        threads);
  }

  public SessionOptions withDecayBnAndBias(boolean value) {
    return new SessionOptions(
        spec, optimizer, seed, loss, value, accumulationSteps, precision, replicas, threads);
  }

  public SessionOptions withAccumulationSteps(int value) {
    return new SessionOptions(
        spec, optimizer, seed, loss, decayBnAndBias, value, precision, replicas, threads);
  }

  public SessionOptions withPrecision(PrecisionSettings value) {
    return new SessionOptions(
        spec, optimizer, seed, loss, decayBnAndBias, accumulationSteps, value, replicas, threads);
  }

  public SessionOptions withReplicas(ReplicaSettings value) {
    return new SessionOptions(
        spec, optimizer, seed, loss, decayBnAndBias, accumulationSteps, precision, value, threads);
  }

  public SessionOptions withThreads(ThreadSettings value) {
    return new SessionOptions(
        spec, optimizer, seed, loss, decayBnAndBias, accumulationSteps, precision, replicas, value);
  }
}
