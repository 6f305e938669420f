package dev.dawn.workloads.training;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/**
 * Every variable of a training session's graph, by what it holds: the state a train step reads and
 * writes, so saving all of them and restoring all of them continues training where it stopped.
 * Names are the graph's op names (replica r's copies under {@code replica_r/}). The session checks
 * at build time that every variable of its graph is listed here exactly once.
 *
 * <p>There is no global-step variable: the step count, and with it the learning-rate and momentum
 * schedules' position, is kept by the caller, which feeds both every step.
 */
public record SessionVariables(List<SessionVariables.Variable> all) {

  /** What a variable holds. */
  public enum Role {
    /** A trainable weight: conv/FC kernel, bias, BN gamma or beta. */
    WEIGHT,
    /** A BN moving mean or variance, updated by every train step, read by evaluation. */
    BN_STATISTIC,
    /** The optimizer's per-weight state, e.g. a momentum or LARS velocity. */
    OPTIMIZER_SLOT,
    /** Dynamic loss scaling's scale, good-step counter and skipped-update counter. */
    LOSS_SCALE,
    /** Gradient accumulation's per-weight gradient sums and its micro-batch counter. */
    ACCUMULATOR
  }

  /**
   * @param name the variable op's name in the graph
   * @param replica the data-parallel replica (in this process) whose copy it is
   */
  public record Variable(String name, Role role, int replica) {}

  public SessionVariables {
    all = List.copyOf(all);
  }

  /** The graph op names of the variables with {@code role}, in creation order. */
  public List<String> names(Role role) {
    return all.stream().filter(v -> v.role() == role).map(Variable::name).toList();
  }

  /** The names of every variable op in {@code graph}, in creation order. */
  static Set<String> inGraph(Graph graph) {
    Set<String> names = new LinkedHashSet<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2") || op.type().equals("VarHandleOp")) {
        names.add(op.name());
      }
    }
    return names;
  }

  /**
   * @throws IllegalStateException when a variable of {@code graph} has no role here, or one is
   *     listed twice, or a listed one is not in the graph
   */
  void requireExactly(Graph graph) {
    Set<String> listed = new TreeSet<>();
    List<String> twice = new ArrayList<>();
    for (Variable v : all) {
      if (!listed.add(v.name())) {
        twice.add(v.name());
      }
    }
    Set<String> present = inGraph(graph);
    Set<String> unlisted = new TreeSet<>(present);
    unlisted.removeAll(listed);
    Set<String> missing = new TreeSet<>(listed);
    missing.removeAll(present);
    if (!unlisted.isEmpty() || !twice.isEmpty() || !missing.isEmpty()) {
      throw new IllegalStateException(
          "training graph variables and their roles disagree: without a role "
              + unlisted
              + ", listed twice "
              + twice
              + ", not in the graph "
              + missing);
    }
  }
}
