package dev.dawn.harness.project;

import java.util.List;

/** A small hardware file and its stack with round numbers, so tests can work costs out by hand. */
final class TestHardware {
  static final String YAML =
      """
      name: test device
      device:
        model: resnet50
        imagesPerSecond: 1000
        referenceResolution: 200
        referenceBatch: 100
        pixelExponent: 1.0
        halfSpeedBatch: 0
        stepOverheadSeconds: 0.0
        backwardShare: 0.5
        stack: test-stack
        efficiency: 1.0
      node:
        devicesPerNode: 4
        linkGigabytesPerSecond: 1
        linkLatencySeconds: 0.0
      network:
        gigabitsPerSecond: 8
        efficiency: 1.0
        latencySeconds: 0.0
      input:
        cpuCores: 10
        imagesPerSecondPerCore: 100
      communication:
        algorithm: hierarchical
        overlap: 0.5
      fit:
        parameters: [device.efficiency, network.efficiency]
        entries: []
      """;

  /** The stack of the test device's figure: fp32 gradients, one message per tensor. */
  static final StackSpec STACK_SPEC =
      new StackSpec(
          "test-stack",
          "test",
          new StackSpec.Compute("test-stack", 1.0),
          new StackSpec.Communication(StackSpec.Communication.ALL_REDUCE, 4, 0));

  /** The test device's own stack: speed factor 1. */
  static final SoftwareStack STACK = new SoftwareStack(STACK_SPEC, 1.0);

  private TestHardware() {}

  static HardwareFile file(String... overrides) {
    return HardwareFile.parse(YAML, "test.yaml").with(List.of(overrides));
  }
}
