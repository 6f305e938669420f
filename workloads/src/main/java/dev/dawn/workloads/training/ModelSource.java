package dev.dawn.workloads.training;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import org.tensorflow.op.Ops;

/** Creates one copy of a model's variables in a graph; {@link Model#build} outside tests. */
@FunctionalInterface
interface ModelSource {
  Model build(Ops tf, ModelSpec spec, long seed);
}
