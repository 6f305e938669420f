package dev.dawn.harness.checkpoint;

import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.WeightFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained model on disk, as {@code dawn infer --model RUN}, {@code --export-savedmodel} and
 * {@code train.initWeights} name it: a run folder's newest whole checkpoint (the one written when
 * training ended, for a finished run), or a checkpoint folder itself.
 */
public final class RunModel {
  private RunModel() {}

  /** The checkpoint folder {@code runOrCheckpoint} names, if it names one. */
  public static Optional<Path> checkpoint(Path runOrCheckpoint) throws IOException {
    if (ModelCheckpoint.isCheckpoint(runOrCheckpoint)) return Optional.of(runOrCheckpoint);
    return new RunCheckpoints(runOrCheckpoint.resolve(RunFolder.CHECKPOINTS)).newestModel();
  }

  /**
   * The model's weights (replica 0's, BN moving statistics included).
   *
   * @throws WeightFileException naming the folder when it holds no checkpoint, or the file that is
   *     not whole
   */
  public static ModelWeights read(Path runOrCheckpoint) throws IOException {
    Path checkpoint =
        checkpoint(runOrCheckpoint)
            .orElseThrow(
                () ->
                    new WeightFileException(
                        runOrCheckpoint.resolve(RunFolder.CHECKPOINTS),
                        "holds no whole checkpoint (a run writes one when training ends)"));
    return ModelCheckpoint.read(checkpoint);
  }
}
