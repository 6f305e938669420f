/**
 * In-graph optimisers implementing {@link dev.dawn.workloads.training.optimizers.GraphOptimizer}:
 * TF-style momentum SGD and LARS (tf.contrib form), plus gradient accumulation over micro-batches.
 * State (velocities, gradient sums) lives in zero-initialised variables named {@code
 * <optimizer>/<parameter>/<slot>}.
 *
 * <p>Config keys ({@link dev.dawn.workloads.training.optimizers.OptimizerFactory}; defaults in
 * brackets): {@code momentum}: weight_decay, nesterov [false]; {@code lars}: weight_decay, eta
 * [0.001], epsilon [0], nesterov [false], min_trust [0], max_trust [+inf].
 */
package dev.dawn.workloads.training.optimizers;
