package dev.dawn.harness.project;

/**
 * Seconds of one training step, split by what the devices wait for.
 *
 * @param compute forward and backward pass and update on the per-device batch
 * @param exposedCommunication gradient all-reduce not hidden behind the backward pass
 * @param inputWait extra time when the input pipeline cannot deliver the node's images in compute +
 *     communication
 */
public record StepTime(double compute, double exposedCommunication, double inputWait) {
  public double total() {
    return compute + exposedCommunication + inputWait;
  }
}
