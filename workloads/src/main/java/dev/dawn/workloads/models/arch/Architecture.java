package dev.dawn.workloads.models.arch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The networks dawn can build, by the name configs and run records use; each is described in {@link
 * Architectures}.
 */
public enum Architecture {
  RESNET9("resnet9"),
  RESNET18("resnet18"),
  RESNET34("resnet34"),
  RESNET50("resnet50"),
  AIRBENCH94("airbench94");

  private final String configName;

  Architecture(String configName) {
    this.configName = configName;
  }

  /** The lowercase name in configs, logs and {@code ModelSpec.architecture()}. */
  @JsonValue
  public String configName() {
    return configName;
  }

  public static List<String> configNames() {
    return Arrays.stream(values()).map(Architecture::configName).toList();
  }

  @Override
  public String toString() {
    return configName;
  }
}
