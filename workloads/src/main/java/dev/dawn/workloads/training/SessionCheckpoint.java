package dev.dawn.workloads.training;

import dev.dawn.workloads.checkpoint.BundleFiles;
import dev.dawn.workloads.checkpoint.TrainingBundle;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.export.WeightFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;

/**
 * A training session's whole state as a TensorFlow V2 checkpoint: every variable {@link
 * SessionVariables} lists (weights, BN moving statistics, optimizer slots, loss-scale state,
 * accumulator sums, of every replica in this process) under its graph op name, plus {@value
 * TrainingBundle#GLOBAL_STEP}, the optimizer updates applied so far (TensorFlow's convention; the
 * graph has no such variable, the caller counts). Restoring writes every variable back, so the next
 * step computes what it would have computed in the session that saved.
 *
 * <p>The save and restore ops are added to the graph on first use, on replica 0's device in a
 * replicated graph, so a worker reads and writes files on its own host.
 */
public final class SessionCheckpoint {
  private final Graph graph;
  private final SessionRuns runs;
  private final SessionVariables variables;
  private final ReplicaSettings replicas;
  private TrainingBundle bundle;

  SessionCheckpoint(
      Graph graph, SessionRuns runs, SessionVariables variables, ReplicaSettings replicas) {
    this.graph = graph;
    this.runs = runs;
    this.variables = variables;
    this.replicas = replicas;
  }

  /**
   * Writes every variable and {@code globalStep} as the bundle {@code files}.
   *
   * @throws WeightFileException naming the bundle when TensorFlow cannot write it (e.g. a full
   *     disk)
   */
  public void save(BundleFiles files, long globalStep) {
    runs.checkOpen();
    try {
      ops().save(runs.runner(), files, globalStep);
    } catch (TensorFlowException e) {
      throw WeightFileException.of(files.index(), "cannot be written", e);
    }
  }

  /**
   * Assigns every variable from the bundle {@code files}; nothing is assigned unless every variable
   * was read whole and with its checksum.
   *
   * @return the bundle's global step
   * @throws WeightFileException naming the bundle when it lacks a variable of this session, holds
   *     one in another dtype or shape, or is corrupt
   */
  public long restore(BundleFiles files) {
    runs.checkOpen();
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
      if (replicas.isReplicated()) tf = tf.withDevice(replicas.device(0));
      Map<String, Output<?>> byName = new LinkedHashMap<>();
      for (SessionVariables.Variable v : variables.all()) {
        GraphOperation op = graph.operation(v.name());
        byName.put(v.name(), op.output(0));
      }
      bundle = new TrainingBundle(tf, byName);
    }
    return bundle;
  }
}
