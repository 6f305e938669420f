package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code train.targetMetric}: the accuracy that must reach train.targetAccuracy (DAWNBench: top-5
 * for ImageNet, top-1 for CIFAR-10).
 */
public enum TargetMetric {
  TOP5("top5Accuracy"),
  TOP1("top1Accuracy");

  private final String configName;

  TargetMetric(String configName) {
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
