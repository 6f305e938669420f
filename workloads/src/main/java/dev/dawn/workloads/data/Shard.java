package dev.dawn.workloads.data;

/**
 * The part of every batch one worker of a data-parallel cluster reads: worker {@code index} of
 * {@code count} takes the {@code index}-th of {@code count} equal contiguous slices of each global
 * training batch (so the workers' slices, in task order, are the global batch), and every {@code
 * count}-th evaluation batch starting at {@code index} (so together they cover the validation split
 * once).
 */
public record Shard(int index, int count) {
  /** One process reads everything. */
  public static final Shard WHOLE = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard " + index + " of " + count + ": need 0 <= index < count");
    }
  }

  public boolean isWhole() {
    return count == 1;
  }

  /**
   * Images of a global batch this shard reads.
   *
   * @throws IllegalArgumentException when the batch does not split evenly
   */
  public int share(int globalBatch) {
    if (globalBatch % count != 0) {
      throw new IllegalArgumentException(
          "global batch " + globalBatch + " does not split evenly over " + count + " workers");
    }
    return globalBatch / count;
  }
}
