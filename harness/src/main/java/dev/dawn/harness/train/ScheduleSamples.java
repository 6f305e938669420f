package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;

/**
 * A config's recipe sampled on a fine epoch grid: the learning rate and momentum the training loop
 * would feed, and the resolution and batch size of the phase in force, each at the same fractional
 * epochs (0 to {@code train.epochs}). The loop evaluates the schedules at {@code (epoch - 1) + step
 * / steps}; this grid does the same with {@code pointsPerEpoch} points in place of the steps.
 */
public record ScheduleSamples(
    double[] epochs,
    double[] learningRate,
    double[] momentum,
    double[] resolution,
    double[] batchSize) {

  public static ScheduleSamples of(TrainConfig config, int pointsPerEpoch) {
    if (pointsPerEpoch < 1) {
      throw new IllegalArgumentException("pointsPerEpoch must be >= 1, got " + pointsPerEpoch);
    }
    RecipeSchedules schedules = RecipeSchedules.of(config);
    var train = config.train();
    int n = train.epochs() * pointsPerEpoch + 1;
    double[] epochs = new double[n];
    double[] lr = new double[n];
    double[] momentum = new double[n];
    double[] resolution = new double[n];
    double[] batch = new double[n];
    for (int i = 0; i < n; i++) {
      double e = (double) i / pointsPerEpoch;
      // The last point (e == epochs) closes the final epoch, so it still belongs to that epoch's
      // phase.
      int epochNumber = Math.min(train.epochs(), i / pointsPerEpoch + 1);
      TrainConfig.Phase phase = train.phaseOf(epochNumber);
      epochs[i] = e;
      lr[i] = schedules.learningRate().at(e);
      momentum[i] = schedules.momentum().at(e);
      resolution[i] = phase.resolution();
      batch[i] = phase.batchSize();
    }
    return new ScheduleSamples(epochs, lr, momentum, resolution, batch);
  }
}
