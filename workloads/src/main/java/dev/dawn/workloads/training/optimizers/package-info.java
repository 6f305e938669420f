/**
 * In-graph optimisers implementing {@link dev.dawn.workloads.training.optimizers.GraphOptimizer}:
 * TF-style momentum SGD and LARS (tf.contrib form), plus gradient accumulation over micro-batches.
 * State (velocities, gradient sums) lives in zero-initialised variables named {@code
 * <optimizer>/<parameter>/<slot>}. The config's {@code optimizer} section chooses and sizes them
 * (harness {@code train.OptimizerChoice}).
 */
package dev.dawn.workloads.training.optimizers;
