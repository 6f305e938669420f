package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code optimizer.name}: the update rule. */
public enum OptimizerName {
  MOMENTUM("momentum"),
  LARS("lars");

  private final String configName;

  OptimizerName(String configName) {
    this.configName = configName;
  }

  /** The name in YAML configs and run records. */
  @JsonValue
  public String configName() {
    return configName;
  }

  @Override
  public String toString() {
    return configName;
  }
}
