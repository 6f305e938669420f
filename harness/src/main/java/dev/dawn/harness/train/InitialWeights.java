package dev.dawn.harness.train;

import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.config.ConfigException;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.training.TrainingSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code train.initWeights}: a saved model replaces the random init (e.g. a pruned model to
 * fine-tune): a run folder's newest checkpoint, or a checkpoint folder ({@link RunModel}).
 */
final class InitialWeights {
  private InitialWeights() {}

  /**
   * Checked when a run starts rather than when its config loads: a finished run's config.yaml must
   * stay loadable (e.g. by dawn infer) after the folder it started from is gone.
   */
  static void requireExists(String folder) throws IOException {
    if (folder != null && !folder.isBlank() && RunModel.checkpoint(Path.of(folder)).isEmpty()) {
      throw new ConfigException(
          List.of(
              "key 'train.initWeights' must name a run folder with a checkpoint (RUN, whose "
                  + "checkpoints/ holds one) or a checkpoint folder (RUN/checkpoints/ckpt-N); '"
                  + folder
                  + "' is neither"));
    }
  }

  /**
   * No-op returning false for a blank folder; a variable missing or of another shape fails naming
   * it, both shapes and the folder.
   */
  static boolean restore(
      TrainingSession session, String folder, EventLog events, ProgressLine progress)
      throws IOException {
    if (folder == null || folder.isBlank()) {
      return false;
    }
    Path dir = Path.of(folder);
    ModelWeights weights = RunModel.read(dir);
    try {
      session.weights().restore(weights);
    } catch (IllegalArgumentException e) {
      // A config value (the folder) that does not fit the configured model: bad input, exit 2.
      ConfigException bad =
          new ConfigException(
              List.of(
                  "train.initWeights "
                      + dir
                      + ": "
                      + e.getMessage()
                      + " (the weights must come from a run of the same model, with the same model.channels)"));
      bad.initCause(e);
      throw bad;
    }
    events.write(
        new dev.dawn.reporters.events.InitialWeights(dir.toString(), weights.tensors().size()));
    progress.message("initial weights: " + dir);
    return true;
  }
}
