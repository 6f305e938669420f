package dev.dawn.harness.checkpoint;

import dev.dawn.workloads.training.TrainingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a run's checkpoints into its {@code checkpoints/} ({@link RunCheckpoints}): the session's
 * variables as a TensorFlow bundle with the global step, {@code model.json}, then {@code
 * training-state.json} with each of those files' digest, all under a partial name renamed into
 * place once whole; the newest {@code keep} stay.
 */
public final class CheckpointWriter {
  private final RunCheckpoints checkpoints;
  private final int keep;

  public CheckpointWriter(Path checkpointsDir, int keep) {
    this.checkpoints = new RunCheckpoints(checkpointsDir);
    this.keep = keep;
  }

  /**
   * @return the checkpoint's folder
   * @throws IOException naming what could not be written; earlier checkpoints stay
   */
  public Path write(TrainingSession session, TrainingState state) throws IOException {
    long step = state.position().globalStep();
    return checkpoints.write(
        step,
        keep,
        folder -> {
          session.checkpoint().save(folder, step);
          Map<String, FileDigest> digests = new TreeMap<>();
          try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
              digests.put(f.getFileName().toString(), FileDigest.of(f));
            }
          }
          state.withFiles(digests).write(folder);
        });
  }
}
