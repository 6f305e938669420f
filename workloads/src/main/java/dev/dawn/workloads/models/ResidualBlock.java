package dev.dawn.workloads.models;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** relu(branch(x) + shortcut(x)). */
interface ResidualBlock {
  Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x);
}
