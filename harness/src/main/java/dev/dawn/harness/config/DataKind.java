package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code data.kind}: where the images come from. */
public enum DataKind {
  SYNTHETIC("synthetic"),
  IMAGENET("imagenet"),
  CIFAR10("cifar10");

  private final String configName;

  DataKind(String configName) {
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
