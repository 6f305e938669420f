package dev.dawn.reporters.dawnbench;

import java.util.Arrays;
import java.util.List;

/**
 * A DAWNBench task's data set, with its quality metric and threshold, as the DAWNBench rules set
 * them.
 */
public enum Dataset {
  /** Time to 93% top-5 validation accuracy; accuracies in percent. */
  IMAGENET(
      "ImageNet", "top5Accuracy", 93.0, List.of("epoch", "hours", "top1Accuracy", "top5Accuracy")),
  /** Time to 94% top-1 test accuracy; accuracies in percent. */
  CIFAR10("CIFAR10", "top1Accuracy", 94.0, List.of("epoch", "hours", "top1Accuracy")),
  /**
   * Time to 0.75 dev F1 (the README's 0.73 is superseded by the CI and leaderboard); F1 as a
   * fraction.
   */
  SQUAD("SQuAD", "f1Score", 0.75, List.of("epoch", "hours", "f1Score"));

  private final String folder;
  private final String metric;
  private final double threshold;
  private final List<String> tsvColumns;

  Dataset(String folder, String metric, double threshold, List<String> tsvColumns) {
    this.folder = folder;
    this.metric = metric;
    this.threshold = threshold;
    this.tsvColumns = tsvColumns;
  }

  /**
   * The name used for the corpus folder and in {@code dawnbench_entry.dataset}, e.g. {@code
   * ImageNet}.
   */
  public String folderName() {
    return folder;
  }

  /** The gate metric: the TSV column and the inference JSON accuracy key. */
  public String metric() {
    return metric;
  }

  public double threshold() {
    return threshold;
  }

  /** The training TSV header in README order. */
  public List<String> tsvColumns() {
    return tsvColumns;
  }

  public static Dataset fromFolderName(String name) {
    return Arrays.stream(values())
        .filter(d -> d.folder.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown DAWNBench dataset '"
                        + name
                        + "'; expected one of ImageNet, CIFAR10, SQuAD"));
  }

  @Override
  public String toString() {
    return folder;
  }
}
