package dev.dawn.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 10-class synthetic set and a narrow ResNet-9 that trains on it in seconds, for end-to-end CLI
 * tests.
 */
final class TinyTrainingConfig {
  private TinyTrainingConfig() {}

  /**
   * Writes {@code dir/tiny.yaml} (data generated into {@code dir/synthetic}); the target of 100% is
   * never reached.
   */
  static Path write(Path dir, String name) throws IOException {
    Path config = dir.resolve("tiny.yaml");
    Files.writeString(
        config,
        """
        name: %s
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 30, valPerClass: 6, imageSize: 40}
        model: {architecture: resnet9, width: 0.25}
        train: {epochs: 2, batchSize: 20, evalBatchSize: 30, targetAccuracy: 100.0}
        """
            .formatted(name, dir.resolve("synthetic")));
    return config;
  }

  /**
   * Writes {@code dir/<name>.yaml}: the same kind of set and model, 500 epochs that go on past any
   * target, for tests that stop a run (or a launch) part-way.
   *
   * @param extra further YAML lines, e.g. {@code "distributed: {timeoutSeconds: 10}\n"}
   */
  static Path writeEndless(Path dir, String name, String extra) throws IOException {
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(
        config,
        """
        name: %s
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 20, valPerClass: 5, imageSize: 40}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 500, batchSize: 20, targetAccuracy: 100.0, stopAtTarget: false}
        """
                .formatted(name, dir.resolve("synthetic"))
            + extra);
    return config;
  }
}
