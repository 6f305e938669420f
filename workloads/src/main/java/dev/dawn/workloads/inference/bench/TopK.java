package dev.dawn.workloads.inference.bench;

import org.tensorflow.types.TFloat32;

/**
 * Indices of the k largest logits of the first row, best first, equal logits by lower class index
 * first: the sorted order DAWNBench, MLPerf and torchvision count top-k with, and the one training
 * evaluation uses in the graph ({@code dev.dawn.workloads.training.TopKHits}). k is tiny, so a
 * selection pass beats sorting.
 */
final class TopK {
  private TopK() {}

  static int[] of(TFloat32 logits, int classes, int k) {
    int n = Math.min(k, classes);
    int[] best = new int[n];
    float[] bestValue = new float[n];
    java.util.Arrays.fill(bestValue, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(best, -1);
    for (int c = 0; c < classes; c++) {
      float v = logits.getFloat(0, c);
      if (v <= bestValue[n - 1]) continue;
      int i = n - 1;
      while (i > 0 && v > bestValue[i - 1]) {
        bestValue[i] = bestValue[i - 1];
        best[i] = best[i - 1];
        i--;
      }
      bestValue[i] = v;
      best[i] = c;
    }
    return best;
  }
}
