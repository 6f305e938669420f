package dev.dawn.reporters.record;

/**
 * One {@code train_step} sample of the training loop (logged every N steps).
 *
 * @param epoch 1-based epoch number
 * @param step step within the epoch
 * @param globalStep step since the start of training; the x axis of the loss and learning-rate
 *     charts
 * @param loss training loss of the step (NaN when it diverged)
 * @param learningRate learning rate used by the step
 * @param momentum optimizer momentum (NaN when the optimizer has none)
 * @param imagesPerSecond throughput over the last logging interval
 */
public record StepRecord(
    int epoch,
    long step,
    long globalStep,
    double loss,
    double learningRate,
    double momentum,
    double imagesPerSecond) {}
