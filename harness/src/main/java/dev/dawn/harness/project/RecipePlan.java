package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.List;

/**
 * What a recipe trains, epoch by epoch: the resolution and global batch of each epoch and the
 * training set size.
 *
 * @param epochs epoch 1 first; one entry per planned epoch
 */
public record RecipePlan(String name, long trainImages, List<EpochPlan> epochs) {

  /** One epoch of the recipe. */
  public record EpochPlan(int epoch, int resolution, int globalBatch) {}

  /** A run of epochs at one value (a resolution or a batch size), as recipes list them. */
  public record Segment(int epochs, int value) {}

  public RecipePlan {
    if (trainImages < 1)
      throw new IllegalArgumentException("a recipe needs >= 1 training image, got " + trainImages);
    if (epochs.isEmpty()) throw new IllegalArgumentException("a recipe needs >= 1 epoch");
    epochs = List.copyOf(epochs);
  }

  /**
   * Epochs from separate resolution and batch-size segment lists, as the DAWNBench JSONs publish
   * them; the shorter list keeps its last value to the end of the longer one.
   */
  public static RecipePlan fromSegments(
      String name, long trainImages, List<Segment> resolutions, List<Segment> batches) {
    List<Integer> res = expand(resolutions);
    List<Integer> batch = expand(batches);
    if (res.isEmpty() || batch.isEmpty())
      throw new IllegalArgumentException(name + ": no resolution or batch segments");
    int n = Math.max(res.size(), batch.size());
    List<EpochPlan> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new EpochPlan(
              i + 1,
              res.get(Math.min(i, res.size() - 1)),
              batch.get(Math.min(i, batch.size() - 1))));
    }
    return new RecipePlan(name, trainImages, out);
  }

  /** Steps of one epoch: every image once, the last batch may be short. */
  public long stepsPerEpoch(int globalBatch) {
    return (trainImages + globalBatch - 1) / globalBatch;
  }

  private static List<Integer> expand(List<Segment> segments) {
    List<Integer> out = new ArrayList<>();
    for (Segment s : segments) {
      for (int i = 0; i < s.epochs(); i++) out.add(s.value());
    }
    return out;
  }
}
