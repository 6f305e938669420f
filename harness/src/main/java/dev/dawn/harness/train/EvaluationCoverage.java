package dev.dawn.harness.train;

import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.workloads.data.DatasetException;
import java.util.List;

/**
 * Whether an evaluation may leave out validation images that cannot be decoded. The evaluation of a
 * DAWNBench entry ({@link DawnbenchTask}: the full ImageNet or CIFAR10 validation set) must count
 * every image, so an undecodable one stops the run; any other evaluation skips it and says how many
 * in {@code eval_skipped_images}, next to {@code eval_samples}.
 */
final class EvaluationCoverage {
  private final DawnbenchTask task;

  private EvaluationCoverage(DawnbenchTask task) {
    this.task = task;
  }

  static EvaluationCoverage of(DawnbenchTask task) {
    return new EvaluationCoverage(task);
  }

  /**
   * @throws DatasetException naming the first undecodable image when every image must count
   */
  void check(List<String> skippedIds, int validationImages) throws DatasetException {
    if (task.isEntry() && !skippedIds.isEmpty()) {
      throw new DatasetException(
          skippedIds.get(0)
              + ": validation image cannot be decoded, and a DAWNBench "
              + "evaluation counts all "
              + validationImages
              + " "
              + task.dataset()
              + " validation images ("
              + skippedIds.size()
              + " undecodable); replace the file(s) or evaluate on a subset");
    }
  }

  /**
   * The same rule for an evaluation split over workers: each saw only its own batches, so the
   * summed count tells whether any image was left out anywhere.
   *
   * @param counted images evaluated by all workers together
   * @param localSkipped the images this worker could not decode (may be empty when another did)
   */
  void checkCounted(long counted, int validationImages, List<String> localSkipped)
      throws DatasetException {
    if (task.isEntry() && counted < validationImages) {
      throw new DatasetException(
          (validationImages - counted)
              + " validation image(s) cannot be decoded on the workers"
              + (localSkipped.isEmpty() ? "" : " (here: " + localSkipped.get(0) + ")")
              + ", and a DAWNBench evaluation counts all "
              + validationImages
              + " "
              + task.dataset()
              + " validation images; replace the file(s) or evaluate on a subset");
    }
  }
}
