package dev.dawn.reporters.inference;

/**
 * A model's top-1 and top-5 accuracy on its validation images, in percent.
 *
 * @param top1 percent, 0..100
 * @param top5 percent, 0..100
 */
public record TopAccuracy(double top1, double top5) {

  /** The value named by a DAWNBench metric key ({@code top1Accuracy} or {@code top5Accuracy}). */
  public double metric(String metric) {
    return switch (metric) {
      case "top1Accuracy" -> top1;
      case "top5Accuracy" -> top5;
      default -> throw new IllegalArgumentException("unknown accuracy metric '" + metric + "'");
    };
  }
}
