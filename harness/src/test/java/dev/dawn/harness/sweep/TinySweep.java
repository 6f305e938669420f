package dev.dawn.harness.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny base config and a 2x2 grid with 2 repeats over it, for sweep tests. */
final class TinySweep {
  private TinySweep() {}

  /** Writes {@code dir/base.yaml} (10 classes, 1 epoch, narrow ResNet-9) and returns it. */
  static Path base(Path dir) throws IOException {
    Path base = dir.resolve("base.yaml");
    Files.writeString(
        base,
        """
        name: tiny
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 10, valPerClass: 4, imageSize: 24}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 1, batchSize: 10, evalBatchSize: 20, resolution: 16, evalResolution: 16, targetAccuracy: 1.0}
        """
            .formatted(dir.resolve("synthetic")));
    return base;
  }

  /**
   * Writes {@code dir/spec.yaml}: optimizer.name x (batch size, learning rate) zipped, 2 repeats
   * from seed 7.
   */
  static Path spec(Path dir, String extra) throws IOException {
    base(dir);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
        name: tiny-sweep
        base: base.yaml
        set:
          train.epochs: 1
        grid:
          optimizer.name: [momentum, lars]
        zip:
          - train.batchSize: [10, 20]
            optimizer.learningRate: [0.1, 0.2]
        repeats: 2
        seed: 7
        """
            + extra);
    return spec;
  }
}
