package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import java.util.Random;

/**
 * Trivially separable images for tests: class c brightens channel c % 3 in the quadrant c / 3, plus
 * noise.
 */
final class SyntheticBatches {
  private SyntheticBatches() {}

  static Batch separable(int size, int resolution, int numClasses, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[size * resolution * resolution * 3];
    int[] labels = new int[size];
    int half = resolution / 2;
    for (int i = 0; i < size; i++) {
      int label = random.nextInt(numClasses);
      labels[i] = label;
      int channel = label % 3;
      int quadrant = (label / 3) % 4;
      for (int y = 0; y < resolution; y++) {
        for (int x = 0; x < resolution; x++) {
          boolean inQuadrant =
              (y < half) == (quadrant % 2 == 0) && (x < half) == (quadrant / 2 == 0);
          for (int c = 0; c < 3; c++) {
            float signal = inQuadrant && c == channel ? 2f : 0f;
            pixels[((i * resolution + y) * resolution + x) * 3 + c] =
                signal + 0.3f * (float) random.nextGaussian();
          }
        }
      }
    }
    return new Batch(pixels, labels, size, resolution);
  }

  static Batch random(int size, int resolution, int numClasses, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[size * resolution * resolution * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    int[] labels = new int[size];
    for (int i = 0; i < size; i++) {
      labels[i] = random.nextInt(numClasses);
    }
    return new Batch(pixels, labels, size, resolution);
  }
}
