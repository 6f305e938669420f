package dev.dawn.harness.train;

import dev.dawn.workloads.data.DatasetException;
import dev.dawn.workloads.data.ImageDataset;
import java.util.List;

/**
 * Whether an evaluation may leave out validation images that cannot be decoded. A DAWNBench evaluation (the full
 * ImageNet or CIFAR10 validation set) must count every image, so an undecodable one stops the run; any other
 * evaluation skips it and says how many in {@code eval_skipped_images}, next to {@code eval_samples}.
 */
final class EvaluationCoverage {
  private static final int IMAGENET_CLASSES = 1000;
  private static final int IMAGENET_VALIDATION = 50_000;
  private static final int CIFAR10_CLASSES = 10;
  private static final int CIFAR10_VALIDATION = 10_000;

  private final String fullSetName;

  private EvaluationCoverage(String fullSetName) {
    this.fullSetName = fullSetName;
  }

  static EvaluationCoverage of(String dataKind, ImageDataset dataset) {
    int classes = dataset.classNames().size();
    int images = dataset.validation().size();
    if ("imagenet".equals(dataKind) && classes == IMAGENET_CLASSES && images == IMAGENET_VALIDATION) {
      return new EvaluationCoverage("ImageNet");
    }
    if ("cifar10".equals(dataKind) && classes == CIFAR10_CLASSES && images == CIFAR10_VALIDATION) {
      return new EvaluationCoverage("CIFAR10");
    }
    return new EvaluationCoverage(null);
  }

  /** @throws DatasetException naming the first undecodable image when every image must count */
  void check(List<String> skippedIds, int validationImages) throws DatasetException {
    if (fullSetName != null && !skippedIds.isEmpty()) {
      throw new DatasetException(skippedIds.get(0) + ": validation image cannot be decoded, and a DAWNBench "
          + "evaluation counts all " + validationImages + " " + fullSetName + " validation images ("
          + skippedIds.size() + " undecodable); replace the file(s) or evaluate on a subset");
    }
  }
}
