package dev.dawn.workloads.training;

import dev.dawn.workloads.checkpoint.BundleFiles;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.checkpoint.TrainingBundle;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.export.WeightFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;

/**
 * A training session's whole state as a TensorFlow V2 checkpoint: every variable {@link
 * SessionVariables} lists (weights, BN moving statistics, optimizer slots, loss-scale state,
 * accumulator sums, of every replica in this process) under its graph op name, plus {@value
 * TrainingBundle#GLOBAL_STEP}, the optimizer updates applied so far (TensorFlow's convention; the
 * graph has no such variable, the caller counts). Restoring writes every variable back, so the next
 * step computes what it would have computed in the session that saved. It is written as a {@link
 * ModelCheckpoint} folder, so the model can be read from it without the training graph.
 *
 * <p>The save and restore ops are added to the graph on first use, on replica 0's device in a
 * replicated graph, so a worker reads and writes files on its own host.
 */
public final class SessionCheckpoint {
  private final Graph graph;
  private final SessionRuns runs;
  private final SessionVariables variables;
  private final SessionOptions options;
  private TrainingBundle bundle;

  SessionCheckpoint(
      Graph graph, SessionRuns runs, SessionVariables variables, SessionOptions options) {
    this.graph = graph;
    this.runs = runs;
    this.variables = variables;
    this.options = options;
  }

  /**
   * Writes every variable and {@code globalStep} into the checkpoint folder {@code folder} (created
   * if missing): the bundle, then {@code model.json}.
   *
   * @throws IOException naming the file that could not be written (e.g. on a full disk)
   */
  public void save(Path folder, long globalStep) throws IOException {
    runs.checkOpen();
    Files.createDirectories(folder);
    BundleFiles files = ModelCheckpoint.bundle(folder);
    try {
      ops().save(runs.runner(), files, globalStep);
    } catch (TensorFlowException e) {
      WeightFileException failed = WeightFileException.of(files.index(), "cannot be written", e);
      throw new IOException(failed.getMessage(), failed);
    }
    ModelCheckpoint.describe(folder, options.spec());
  }

  /**
   * Assigns every variable from the checkpoint folder {@code folder}; nothing is assigned unless
   * every variable was read whole and with its checksum.
   *
   * @return the bundle's global step
   * @throws WeightFileException naming the bundle when it lacks a variable of this session, holds
   *     one in another dtype or shape, or is corrupt
   */
  public long restore(Path folder) {
    runs.checkOpen();
    BundleFiles files = ModelCheckpoint.bundle(folder);
    if (!files.exist()) {
      throw new WeightFileException(files.index(), "missing (or its .data file is)");
    }
    try {
      return ops().restore(runs.runner(), files);
    } catch (TensorFlowException e) {
      throw WeightFileException.of(files.index(), "cannot be restored", e);
    }
  }

  /** The session's variables by bundle name: their graph op names. */
  private synchronized TrainingBundle ops() {
    if (bundle == null) {
      Ops tf = Ops.create(graph);
      ReplicaSettings replicas = options.replicas();
      if (replicas.isReplicated()) tf = tf.withDevice(replicas.device(0));
      Map<String, Output<?>> byName = new LinkedHashMap<>();
      for (SessionVariables.Variable v : variables.all()) {
        byName.put(v.name(), graph.operation(v.name()).output(0));
      }
      bundle = new TrainingBundle(tf, byName);
    }
    return bundle;
  }
}
