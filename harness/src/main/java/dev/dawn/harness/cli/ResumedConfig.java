package dev.dawn.harness.cli;

import dev.dawn.harness.checkpoint.RunIdentity;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The config a resumed run continues with: the effective config the run wrote ({@code
 * config.yaml}), without the cluster's addresses, which a relaunch may change (TF_CONFIG names
 * them).
 */
final class ResumedConfig {
  private ResumedConfig() {}

  /**
   * @throws BadInputException when {@code run} has no config.yaml
   */
  static Path file(Path run) {
    Path file = run.resolve(RunFolder.CONFIG);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          "--resume " + run + ": " + file + " is missing; it is not a run folder dawn wrote");
    }
    return file;
  }

  static List<String> overrides() {
    return List.of(RunIdentity.WORKER_ADDRESSES + "=[]");
  }
}
