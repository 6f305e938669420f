package dev.dawn.harness.project;

import java.util.List;

/**
 * A small device file, network file and stack with round numbers, so tests can work costs out by
 * hand.
 */
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
      input:
        cpuCores: 10
        imagesPerSecondPerCore: 100
      fit:
        parameters: [device.efficiency]
        entries: []
      """;

  /** A network of round numbers for the test device: 8 Gbit/s, no latency, two-level rings. */
  static final String NETWORK_YAML =
      """
      name: test network
      network:
        gigabitsPerSecond: 8
        efficiency: 1.0
        latencySeconds: 0.0
      communication:
        algorithm: hierarchical
        overlap: 0.5
      fit:
        parameters: [network.efficiency]
        entries: []
        cells: []
      """;

  /** The stack of the test device's figure: fp32 gradients, one message per tensor. */
  static final StackSpec STACK_SPEC =
      new StackSpec(
          "test-stack",
          "test",
          new StackSpec.Compute("test-stack", 1.0),
          new StackSpec.Communication(StackSpec.Communication.ALL_REDUCE, 4, 0));

  /** {@link #STACK_SPEC} as a file. */
  static final String STACK_YAML =
      """
      name: test-stack
      framework: test
      compute:
        relativeTo: test-stack
        relativeSpeed: 1.0
      communication:
        exchange: all-reduce
        bytesPerGradientValue: 4
        fusionThresholdBytes: 0
      """;

  /** The test device's own stack: speed factor 1. */
  static final SoftwareStack STACK = new SoftwareStack(STACK_SPEC, 1.0);

  private TestHardware() {}

  static ProjectionFile<HardwareSpec> file(String... overrides) {
    return HardwareFile.parse(YAML, "test.yaml").with(List.of(overrides));
  }

  /** The test device, network and stack as a projection's files. */
  static ClusterFiles files(String networkYaml, List<ClusterFiles> otherDevices) {
    return new ClusterFiles(
        file(),
        STACK_SPEC,
        NetworkFile.parse(networkYaml, "test-network.yaml"),
        StackFile.parseFile(STACK_YAML, "test-stack.yaml"),
        otherDevices);
  }

  static ProjectionFile<NetworkSpec> network(String... overrides) {
    return NetworkFile.parse(NETWORK_YAML, "test-network.yaml").with(List.of(overrides));
  }

  /** The test device on the test network (each with {@code key=value} overrides of its own). */
  static StepModel model(
      List<String> device,
      List<String> network,
      int devices,
      List<Long> gradientElements,
      long threshold) {
    return new StepModel(
        HardwareFile.parse(YAML, "test.yaml").with(device).spec(),
        NetworkFile.parse(NETWORK_YAML, "test-network.yaml").with(network).spec(),
        STACK,
        devices,
        gradientElements,
        threshold);
  }
}
