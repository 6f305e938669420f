package dev.dawn.workloads.models.export;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.training.SessionOptions;
import dev.dawn.workloads.training.TrainingSession;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.util.Random;

/**
 * Tiny trained nets for export tests: a few SGD steps so BN moving statistics are far from (0, 1).
 */
final class TestNets {
  private TestNets() {}

  static TrainingSession session(ModelSpec spec, long seed) {
    return TrainingSession.create(
        SessionOptions.of(spec, new MomentumOptimizer(5e-4, false), seed));
  }

  static void train(TrainingSession session, int steps, int resolution) {
    for (int i = 0; i < steps; i++) {
      session.trainStep(batch(8, resolution, session.spec().numClasses(), 100 + i), 0.05f, 0.9f);
    }
  }

  /**
   * Non-zero-mean inputs with a larger spread, so the moving stats the BN learns are non-trivial.
   */
  static Batch batch(int size, int resolution, int numClasses, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[size * resolution * resolution * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = 0.5f + 1.5f * (float) random.nextGaussian();
    }
    int[] labels = new int[size];
    for (int i = 0; i < size; i++) {
      labels[i] = random.nextInt(numClasses);
    }
    return new Batch(pixels, labels, size, resolution);
  }
}
