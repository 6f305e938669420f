package dev.dawn.reporters.record;

/**
 * One finished and evaluated epoch.
 *
 * @param epoch           1-based epoch number
 * @param hours           cumulative training time in hours, evaluation excluded (DAWNBench "hours")
 * @param wallHours       wall-clock hours since run start, evaluation included
 * @param loss            mean training loss of the epoch (NaN when it diverged)
 * @param learningRate    learning rate at the end of the epoch
 * @param imagesPerSecond training throughput of this epoch
 * @param top1Accuracy    percent, 0..100
 * @param top5Accuracy    percent, 0..100
 */
public record EpochRecord(int epoch, double hours, double wallHours, double loss, double learningRate,
                          double imagesPerSecond, double top1Accuracy, double top5Accuracy) {

    /** The accuracy named by a DAWNBench metric key ({@code top1Accuracy} or {@code top5Accuracy}). */
    public double metric(String metric) {
        return switch (metric) {
            case "top1Accuracy" -> top1Accuracy;
            case "top5Accuracy" -> top5Accuracy;
            default -> throw new IllegalArgumentException("unknown accuracy metric '" + metric + "'");
        };
    }
}
