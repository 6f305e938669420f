package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code model.variant}: the Bag-of-Tricks tweak level of the ImageNet ResNets; default is each
 * network's own (v1.5).
 */
public enum ModelVariant {
  DEFAULT("default"),
  B("B"),
  C("C"),
  D("D");

  private final String configName;

  ModelVariant(String configName) {
    this.configName = configName;
  }

  @JsonValue
  public String configName() {
    return configName;
  }

  /**
   * The variant for {@link dev.dawn.workloads.models.ModelSpec}: null picks the network's default.
   */
  public String modelSpecVariant() {
    return this == DEFAULT ? null : configName;
  }

  @Override
  public String toString() {
    return configName;
  }
}
