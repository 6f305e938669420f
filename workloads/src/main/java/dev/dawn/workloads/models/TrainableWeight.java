package dev.dawn.workloads.models;

import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A trainable variable with its static shape (known at build time, so counting needs no session).
 */
public record TrainableWeight(
    Variable<TFloat32> variable, String name, ParameterKind kind, long[] shape) {
  public long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
