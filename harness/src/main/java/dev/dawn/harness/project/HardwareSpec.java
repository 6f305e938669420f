package dev.dawn.harness.project;

/**
 * Everything the time projection assumes about a device and the machine it sits in (its devices per
 * node, their link, the host's input pipeline), read from a device file, {@code
 * reference-configs/hardware/*.yaml}. The network between machines is a file of its own ({@link
 * NetworkSpec}), so that one device can be projected on several clusters. Every figure is a named
 * parameter there, with its public source or the reason for its value beside it.
 */
public record HardwareSpec(String name, Device device, Node node, Input input, Fit fit) {

  /**
   * Which parameters of this file {@code dawn project fit} may calibrate and on which published
   * entries (file names under ImageNet/train of the DAWNBench entries, without extension); every
   * other entry run on this device is a prediction.
   */
  public record Fit(java.util.List<String> parameters, java.util.List<String> entries) {
    public Fit {
      parameters = java.util.List.copyOf(parameters);
      entries = java.util.List.copyOf(entries);
    }
  }

  /**
   * One accelerator (or CPU socket) training the model.
   *
   * @param model the network the figure was measured on, e.g. {@code resnet50} or {@code resnet50
   *     x0.25}
   * @param imagesPerSecond training images/s of one device at {@code referenceResolution} (the
   *     published or measured figure)
   * @param referenceResolution image side (px) of that figure
   * @param referenceBatch per-device batch of that figure
   * @param pixelExponent time per image grows as (pixels / reference pixels)^exponent
   * @param halfSpeedBatch per-device work (images at the reference resolution) at which a device
   *     runs at half its full speed: speed grows as w / (w + halfSpeedBatch), w = batch x (pixels /
   *     reference pixels)^exponent; 0 = no dependence on the batch
   * @param stepOverheadSeconds fixed cost of one step whatever the batch (optimizer update,
   *     launches)
   * @param backwardShare share of a step's compute spent in the backward pass, where all-reduce can
   *     overlap
   * @param stack the software stack {@code imagesPerSecond} was measured with (a file in {@code
   *     reference-configs/stacks/}); another stack scales it by the two stacks' relative speed
   * @param efficiency multiplier on {@code imagesPerSecond}: what the published figure does not
   *     capture of this hardware in a DAWNBench run (a free parameter)
   */
  public record Device(
      String model,
      double imagesPerSecond,
      int referenceResolution,
      int referenceBatch,
      double pixelExponent,
      double halfSpeedBatch,
      double stepOverheadSeconds,
      double backwardShare,
      String stack,
      double efficiency) {}

  /**
   * Devices sharing one machine and its fast link (NVLink, PCIe).
   *
   * @param linkGigabytesPerSecond all-reduce bandwidth between devices of one node, GB/s (10^9
   *     bytes)
   * @param linkLatencySeconds latency of one ring hop inside a node
   */
  public record Node(
      int devicesPerNode, double linkGigabytesPerSecond, double linkLatencySeconds) {}

  /**
   * The input pipeline (JPEG decode and augmentation on the host): an upper bound on images/s per
   * node.
   */
  public record Input(int cpuCores, double imagesPerSecondPerCore) {
    public double imagesPerSecondPerNode() {
      return cpuCores * imagesPerSecondPerCore;
    }
  }
}
