package dev.dawn.harness.project;

import dev.dawn.workloads.distributed.FusionBuckets;
import java.util.List;

/**
 * The cost of one data-parallel step of a model on {@code devices} devices of one hardware type,
 * trained with one software stack.
 *
 * <ul>
 *   <li>compute = per-device batch / images/s at this resolution and batch + step overhead, where
 *       images/s = published figure x stack speed factor x efficiency x (reference pixels /
 *       pixels)^pixelExponent x s(work) / s(reference batch), with s(w) = w / (w + halfSpeedBatch)
 *       and work = batch x (pixels / reference pixels)^pixelExponent: a device fed little work per
 *       step (a small batch, small images) runs below its full speed;
 *   <li>communication = sum over fusion buckets of the exchange of that bucket (a ring or
 *       hierarchical all-reduce, or the stack's push-pull through parameter servers); the last
 *       bucket (the first layers' gradients, ready only when the backward pass ends) is always
 *       exposed, and {@code overlap} of the rest hides behind the backward pass, at most as long as
 *       the backward pass;
 *   <li>input = the node's images of one step / the pipeline's images/s per node, a lower bound on
 *       the step.
 * </ul>
 */
public final class StepModel {
  private final HardwareSpec hw;
  private final NetworkSpec net;
  private final SoftwareStack stack;
  private final int devices;
  private final int devicesPerNode;
  private final int nodes;
  private final double allReduceSeconds;
  private final double lastBucketSeconds;
  private final int messages;

  /**
   * @param hw the device and its machine
   * @param net the network between machines and how gradients travel over it
   * @param stack the software stack, with its speed relative to the stack of the hardware's figure
   * @param gradientElementsForward element count of each gradient tensor, in the order the model
   *     creates its weights
   * @param fusionThresholdBytes largest fusion bucket (0 = one message per tensor)
   */
  public StepModel(
      HardwareSpec hw,
      NetworkSpec net,
      SoftwareStack stack,
      int devices,
      List<Long> gradientElementsForward,
      long fusionThresholdBytes) {
    if (devices < 1) throw new IllegalArgumentException("devices must be >= 1, got " + devices);
    this.hw = hw;
    this.net = net;
    this.stack = stack;
    this.devices = devices;
    this.devicesPerNode = Math.min(devices, hw.node().devicesPerNode());
    if (devices % devicesPerNode != 0) {
      throw new IllegalArgumentException(
          devices + " devices do not fill whole nodes of " + devicesPerNode);
    }
    this.nodes = devices / devicesPerNode;
    List<Long> bytes =
        gradientElementsForward.stream().map(n -> n * stack.bytesPerGradientValue()).toList();
    FusionBuckets buckets =
        FusionBuckets.pack(FusionBuckets.backwardOrder(bytes), fusionThresholdBytes);
    double sum = 0;
    for (FusionBuckets.Bucket b : buckets.buckets()) sum += messageSeconds(b.bytes());
    this.allReduceSeconds = sum;
    this.lastBucketSeconds = buckets.messages() == 0 ? 0 : messageSeconds(buckets.last().bytes());
    this.messages = buckets.messages();
  }

  /**
   * Seconds to exchange one message of {@code bytes} on this cluster: an all-reduce laid out as the
   * hardware says, or the stack's push-pull through parameter servers.
   */
  public double messageSeconds(double bytes) {
    var n = hw.node();
    double link = n.linkGigabytesPerSecond() * 1e9;
    double network = net.network().bytesPerSecond();
    AllReduceCost.Algorithm algorithm =
        stack.spec().communication().pushPull()
            ? AllReduceCost::pushPull
            : net.communication().hierarchical()
                ? AllReduceCost::hierarchical
                : AllReduceCost::flatRing;
    return algorithm.seconds(
        nodes,
        devicesPerNode,
        bytes,
        link,
        n.linkLatencySeconds(),
        network,
        net.network().latencySeconds());
  }

  /**
   * Images/s of one device at {@code resolution} px (square images) with {@code perDeviceBatch}
   * images per step.
   */
  public double deviceImagesPerSecond(int resolution, double perDeviceBatch) {
    var d = hw.device();
    double pixelRatio =
        (double) resolution
            * resolution
            / ((double) d.referenceResolution() * d.referenceResolution());
    double workRatio = Math.pow(pixelRatio, d.pixelExponent());
    double saturation = saturation(perDeviceBatch * workRatio) / saturation(d.referenceBatch());
    return d.imagesPerSecond() * stack.speedFactor() * d.efficiency() / workRatio * saturation;
  }

  private double saturation(double work) {
    double k = hw.device().halfSpeedBatch();
    return k == 0 ? 1 : work / (work + k);
  }

  /**
   * One step at {@code resolution} px with {@code globalBatch} images split evenly over the
   * devices.
   */
  public StepTime step(int resolution, int globalBatch) {
    double perDevice = (double) globalBatch / devices;
    double compute =
        perDevice / deviceImagesPerSecond(resolution, perDevice)
            + hw.device().stepOverheadSeconds();
    double backward = hw.device().backwardShare() * compute;
    double hidden =
        Math.min(net.communication().overlap() * (allReduceSeconds - lastBucketSeconds), backward);
    double exposed = allReduceSeconds - hidden;
    double inputBound = perDevice * devicesPerNode / hw.input().imagesPerSecondPerNode();
    double inputWait = Math.max(0, inputBound - (compute + exposed));
    return new StepTime(compute, exposed, inputWait);
  }

  public SoftwareStack stack() {
    return stack;
  }

  public double allReduceSeconds() {
    return allReduceSeconds;
  }

  public int messages() {
    return messages;
  }

  public int nodes() {
    return nodes;
  }

  public int devicesPerNode() {
    return devicesPerNode;
  }
}
