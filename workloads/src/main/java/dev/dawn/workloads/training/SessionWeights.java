package dev.dawn.workloads.training;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.VariableStore;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * The model variables of a training session (trainables and BN moving statistics, not optimizer
 * slots), read and written as {@link ModelWeights} in memory (a run's files hold them in its
 * checkpoints: {@link SessionCheckpoint}). Reading returns replica 0's copy; restoring writes every
 * replica's, so mirrored copies start equal again.
 */
public final class SessionWeights {
  private final SessionRuns runs;

  /** Replica r's variables. */
  private final List<VariableStore> replicas = new ArrayList<>();

  SessionWeights(List<Model> models, Graph graph, Session session, SessionRuns runs) {
    this.runs = runs;
    for (int r = 0; r < models.size(); r++) {
      replicas.add(
          new VariableStore(models.get(r), graph, session, r == 0 ? "" : "replica_" + r + "/"));
    }
  }

  /** Every model variable of replica 0, with the session's spec. */
  public ModelWeights read() {
    return replica(0);
  }

  /** Replica {@code index}'s copy of the model variables. */
  public ModelWeights replica(int index) {
    runs.checkOpen();
    if (index < 0 || index >= replicas.size()) {
      throw new IllegalArgumentException(
          "replica " + index + " is not in [0, " + replicas.size() + ")");
    }
    return replicas.get(index).read();
  }

  /**
   * Overwrites every model variable of every replica from {@code weights} (same variable names and
   * shapes, e.g. from {@link ModelWeights#load}); optimizer slots are left as they are. The first
   * call adds assign ops to the graph.
   */
  public void restore(ModelWeights weights) {
    runs.checkOpen();
    replicas.forEach(r -> r.write(weights));
  }
}
