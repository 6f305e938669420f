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
   * How the stack exchanges gradients.
   *
   * @param exchange {@code all-reduce} (NCCL/Horovod rings, laid out as the hardware's {@code
   *     communication.algorithm} says) or {@code push-pull} (parameter servers on every node, after
   *     a reduce inside each node)
   * @param bytesPerGradientValue 2 for fp16 gradients, 4 for fp32
   * @param fusionThresholdBytes largest fusion bucket; 0 = one message per gradient tensor
   */
  public record Communication(
      String exchange, int bytesPerGradientValue, long fusionThresholdBytes) {
    public static final String ALL_REDUCE = "all-reduce";
    public static final String PUSH_PULL = "push-pull";

    public boolean pushPull() {
      return PUSH_PULL.equals(exchange);
    }
  }

  /** Whether this stack anchors its family (compared with itself). */
  public boolean anchor() {
    return compute.relativeTo().equals(name);
  }
}
