package dev.dawn.workloads.training;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.TrainableWeight;
import dev.dawn.workloads.models.export.VariableStore;
import dev.dawn.workloads.training.SessionVariables.Role;
import dev.dawn.workloads.training.optimizers.GradientAccumulator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;

/**
 * Gives every variable a train step's graph builder creates its role, phase by phase: a call
 * assigns the variables that appeared in the graph since the previous call, so an optimizer's slots
 * are found without the optimizer listing them.
 */
final class VariableRoles {
  private final Graph graph;
  private final List<SessionVariables.Variable> variables = new ArrayList<>();
  private final Set<String> assigned = new LinkedHashSet<>();

  VariableRoles(Graph graph) {
    this.graph = graph;
  }

  /** Right after the model is built: its trainables are weights, the rest its BN statistics. */
  void model(Model model, int replica) {
    Set<String> trainables = new LinkedHashSet<>();
    model.trainables().stream().map(TrainableWeight::name).forEach(trainables::add);
    Set<String> modelVariables = VariableStore.variableShapes(model).keySet();
    String prefix = replica == 0 ? "" : "replica_" + replica + "/";
    for (String name : created()) {
      String plain = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
      if (trainables.contains(plain)) {
        add(name, Role.WEIGHT, replica);
      } else if (modelVariables.contains(plain)) {
        add(name, Role.BN_STATISTIC, replica);
      } else {
        throw new IllegalStateException(
            "model variable '" + name + "' is neither a trainable weight nor a BN statistic");
      }
    }
  }

  /** Right after the loss scaling is created: its scale and counters. */
  void lossScale(int replica) {
    created().forEach(name -> add(name, Role.LOSS_SCALE, replica));
  }

  /**
   * Right after the update is built: the accumulator's sums and counter (with accumulation), the
   * rest the optimizer's slots.
   *
   * @param accumulator null without accumulation
   */
  void update(GradientAccumulator accumulator, int replica) {
    Set<String> accumulated = new LinkedHashSet<>();
    if (accumulator != null) {
      accumulator.state().forEach(v -> accumulated.add(v.op().name()));
    }
    for (String name : created()) {
      add(name, accumulated.contains(name) ? Role.ACCUMULATOR : Role.OPTIMIZER_SLOT, replica);
    }
  }

  SessionVariables variables() {
    return new SessionVariables(variables);
  }

  private void add(String name, Role role, int replica) {
    variables.add(new SessionVariables.Variable(name, role, replica));
  }

  /** The variables created since the last call, in creation order. */
  private List<String> created() {
    List<String> fresh = new ArrayList<>();
    for (String name : SessionVariables.inGraph(graph)) {
      if (assigned.add(name)) {
        fresh.add(name);
      }
    }
    return fresh;
  }
}
