package dev.dawn.harness.project;

/**
 * A software stack (framework, its version and settings) as the time projection sees it, read from
 * {@code reference-configs/stacks/*.yaml}: how fast it trains relative to another stack on the same
 * GPU, and how it sends gradients. Every figure has its public source beside it in the file.
 *
 * @param framework what the stack is, in words (framework, version, precision, all-reduce library)
 */
public record StackSpec(
    String name, String framework, Compute compute, Communication communication) {

  /**
   * Training speed relative to another stack, both measured on the same GPU with the same model and
   * per-device batch.
   *
   * @param relativeTo the stack this one is compared with; a stack compared with itself (speed 1)
   *     anchors a family of stacks
   * @param relativeSpeed images/s of this stack / images/s of {@code relativeTo}
   */
  public record Compute(String relativeTo, double relativeSpeed) {}

  /**
   * How the stack all-reduces gradients.
   *
   * @param bytesPerGradientValue 2 for fp16 gradients, 4 for fp32
   * @param fusionThresholdBytes largest fusion bucket; 0 = one message per gradient tensor
   */
  public record Communication(int bytesPerGradientValue, long fusionThresholdBytes) {}

  /** Whether this stack anchors its family (compared with itself). */
  public boolean anchor() {
    return compute.relativeTo().equals(name);
  }
}
