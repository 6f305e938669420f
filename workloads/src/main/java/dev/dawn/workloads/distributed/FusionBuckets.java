package dev.dawn.workloads.distributed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tensor fusion as Horovod and NCCL-based data-parallel trainers do it: gradients become ready in
 * backward order (last layer first) and are packed greedily, in that order, into buckets of at most
 * {@code thresholdBytes}; each bucket is one all-reduce message. A tensor larger than the threshold
 * is sent alone; threshold 0 sends every tensor alone.
 *
 * @param buckets in the order they are sent (the first holds the last layer's gradients)
 */
public record FusionBuckets(List<Bucket> buckets) {

  /**
   * One all-reduce message.
   *
   * @param tensors indices into the backward-ordered size list that was packed
   * @param bytes sum of those tensors' sizes
   */
  public record Bucket(List<Integer> tensors, long bytes) {
    public Bucket {
      tensors = List.copyOf(tensors);
    }
  }

  public FusionBuckets {
    buckets = List.copyOf(buckets);
  }

  /**
   * @param backwardOrderBytes gradient sizes in the order backprop produces them (reverse of the
   *     forward order)
   * @param thresholdBytes largest bucket; 0 disables fusion
   */
  public static FusionBuckets pack(List<Long> backwardOrderBytes, long thresholdBytes) {
    if (thresholdBytes < 0) {
      throw new IllegalArgumentException(
          "fusion threshold must be >= 0 bytes, got " + thresholdBytes);
    }
    List<Bucket> out = new ArrayList<>();
    List<Integer> open = new ArrayList<>();
    long openBytes = 0;
    for (int i = 0; i < backwardOrderBytes.size(); i++) {
      long size = backwardOrderBytes.get(i);
      if (size < 0) {
        throw new IllegalArgumentException("gradient tensor " + i + " has negative size " + size);
      }
      if (!open.isEmpty() && openBytes + size > thresholdBytes) {
        out.add(new Bucket(open, openBytes));
        open = new ArrayList<>();
        openBytes = 0;
      }
      open.add(i);
      openBytes += size;
    }
    if (!open.isEmpty()) out.add(new Bucket(open, openBytes));
    return new FusionBuckets(out);
  }

  /** Sizes in backward order from sizes in creation (forward) order. */
  public static List<Long> backwardOrder(List<Long> forwardOrderBytes) {
    List<Long> reversed = new ArrayList<>(forwardOrderBytes);
    Collections.reverse(reversed);
    return reversed;
  }

  public int messages() {
    return buckets.size();
  }

  public long totalBytes() {
    return buckets.stream().mapToLong(Bucket::bytes).sum();
  }

  /**
   * The bucket sent last: it holds the first layers' gradients, ready only when the backward pass
   * ends.
   */
  public Bucket last() {
    return buckets.get(buckets.size() - 1);
  }
}
