package dev.dawn.workloads.models.export;

import dev.dawn.workloads.models.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every variable of a model (trainables and BN moving statistics) with the {@link ModelSpec} that
 * built it, in memory. On disk it is a TensorFlow checkpoint ({@link
 * dev.dawn.workloads.checkpoint.ModelCheckpoint}).
 */
public final class ModelWeights {
  private final ModelSpec spec;
  private final Map<String, WeightTensor> tensors;

  public ModelWeights(ModelSpec spec, List<WeightTensor> tensors) {
    if (spec == null) {
      throw new IllegalArgumentException("model weights need the ModelSpec that built them");
    }
    this.spec = spec;
    Map<String, WeightTensor> byName = new LinkedHashMap<>();
    for (WeightTensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException(
            "model weights: duplicate tensor name '" + t.name() + "'");
      }
    }
    this.tensors = byName;
  }

  public ModelSpec spec() {
    return spec;
  }

  /** In the order they were given (for models: creation order). */
  public List<WeightTensor> tensors() {
    return List.copyOf(tensors.values());
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  public WeightTensor get(String name) {
    WeightTensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "model weights for " + spec.architecture() + " have no tensor '" + name + "'");
    }
    return t;
  }

  public long floatCount() {
    return tensors.values().stream().mapToLong(t -> t.values().length).sum();
  }
}
