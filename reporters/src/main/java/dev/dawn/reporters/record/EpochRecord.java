package dev.dawn.reporters.record;

/**
 * One finished and evaluated epoch.
 *
 * @param epoch 1-based epoch number
 * @param hours cumulative training time in hours, evaluation excluded (DAWNBench "hours")
 * @param wallHours wall-clock hours since run start, evaluation included
 * @param loss mean training loss of the epoch (NaN when it diverged)
 * @param learningRate learning rate at the end of the epoch
 * @param imagesPerSecond training throughput of this epoch
 * @param top1Accuracy percent, 0..100
 * @param top5Accuracy percent, 0..100
 * @param replicas data-parallel replicas; null when the log does not say
 * @param allReduceBuckets all-reduce messages per step; null when the log does not say
 * @param allReducedBytesPerStep gradient bytes all-reduced per step by each replica; null when the
 *     log does not say
 * @param workers worker processes; null when the log does not say
 * @param computeMsPerStep a step's forward and backward pass alone (ms); null when not measured
 * @param exposedCommMsPerStep mean step time minus {@code computeMsPerStep} (ms); null when not
 *     measured
 * @param resumedFrom the checkpoint the run continued from before this epoch ended (the first epoch
 *     to end after each resume); null otherwise
 */
public record EpochRecord(
    int epoch,
    double hours,
    double wallHours,
    double loss,
    double learningRate,
    double imagesPerSecond,
    double top1Accuracy,
    double top5Accuracy,
    Integer replicas,
    Integer allReduceBuckets,
    Long allReducedBytesPerStep,
    Integer workers,
    Double computeMsPerStep,
    Double exposedCommMsPerStep,
    String resumedFrom) {

  /** An epoch without data-parallel facts. */
  public EpochRecord(
      int epoch,
      double hours,
      double wallHours,
      double loss,
      double learningRate,
      double imagesPerSecond,
      double top1Accuracy,
      double top5Accuracy) {
    this(
        epoch,
        hours,
        wallHours,
        loss,
        learningRate,
        imagesPerSecond,
        top1Accuracy,
        top5Accuracy,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The accuracy named by a DAWNBench metric key ({@code top1Accuracy} or {@code top5Accuracy}).
   */
  public double metric(String metric) {
    return switch (metric) {
      case "top1Accuracy" -> top1Accuracy;
      case "top5Accuracy" -> top5Accuracy;
      default -> throw new IllegalArgumentException("unknown accuracy metric '" + metric + "'");
    };
  }
}
