package dev.dawn.workloads.data;

import java.util.ArrayList;
import java.util.List;

/** Splits one global batch into contiguous per-replica batches (data parallelism); sizes differ by at most one. */
public final class ReplicaSplit {
  private ReplicaSplit() {
  }

  public static List<Batch> split(Batch batch, int replicas) {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be >= 1, got " + replicas);
    }
    int per = batch.floatsPerImage();
    List<Batch> out = new ArrayList<>(replicas);
    int start = 0;
    for (int r = 0; r < replicas; r++) {
      int size = batch.size() / replicas + (r < batch.size() % replicas ? 1 : 0);
      float[] pixels = new float[size * per];
      int[] labels = new int[size];
      System.arraycopy(batch.pixels(), start * per, pixels, 0, size * per);
      System.arraycopy(batch.labels(), start, labels, 0, size);
      out.add(new Batch(pixels, labels, size, batch.resolution()));
      start += size;
    }
    return out;
  }
}
