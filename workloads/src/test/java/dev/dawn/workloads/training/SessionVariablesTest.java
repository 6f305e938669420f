package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.training.SessionVariables.Role;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * A session lists every variable of its graph by role, and that list is the whole training state: a
 * second session given those values continues exactly like the first.
 */
class SessionVariablesTest {
  @Test
  void oneReplicaWithMomentumHasWeightsStatisticsAndOneVelocityPerWeight() {
    try (TrainingSession session =
        TrainingSession.create(
            SessionOptions.of(ResNet9Sessions.RESNET9, new MomentumOptimizer(5e-4, true), 7L))) {
      SessionVariables variables = session.variables();
      int weights = session.trainableNames().size();
      assertThat(variables.names(Role.WEIGHT)).isEqualTo(session.trainableNames());
      assertThat(variables.names(Role.BN_STATISTIC))
          .hasSize(2 * batchNorms(session))
          .allMatch(n -> n.endsWith(".moving_mean") || n.endsWith(".moving_variance"));
      assertThat(variables.names(Role.OPTIMIZER_SLOT)).hasSize(weights);
      assertThat(variables.names(Role.LOSS_SCALE)).isEmpty();
      assertThat(variables.names(Role.ACCUMULATOR)).isEmpty();
      assertThat(variables.all()).hasSize(variableOps(session));
    }
  }

  /**
   * With two replicas, each has its own variables of every role. Session b starts from another seed
   * and is given every listed variable of session a in the middle of an accumulated update; both
   * then take the same steps and end bit-identical in every variable. Each role held a value b did
   * not have, so leaving any role out would show.
   */
  @Test
  void everyRoleIsListedAndCopyingTheListContinuesTrainingExactly() {
    try (TrainingSession a = TrainingSession.create(ResNet9Sessions.everyRole(7L));
        TrainingSession b = TrainingSession.create(ResNet9Sessions.everyRole(8L))) {
      a.trainStep(SyntheticBatches.separable(8, 16, 4, 0), 0.5f, 0.9f);
      a.trainStep(SyntheticBatches.separable(8, 16, 4, 1), 0.5f, 0.9f);
      a.applyAccumulated(0.5f, 0.9f);
      a.trainStep(SyntheticBatches.separable(8, 16, 4, 2), 0.5f, 0.9f); // half an update pending

      assertEveryRoleForEveryReplica(a);
      SessionVariables variables = a.variables();
      Map<String, byte[]> aBefore = VariableValues.of(a);
      Map<String, byte[]> bBefore = VariableValues.of(b);
      for (Role role : Role.values()) {
        assertThat(variables.names(role))
            .as("a variable of role %s that sessions a and b hold differently", role)
            .anyMatch(name -> !Arrays.equals(aBefore.get(name), bBefore.get(name)));
      }
      copy(a, b, variables);

      float lossA = a.trainStep(SyntheticBatches.separable(8, 16, 4, 3), 0.5f, 0.9f);
      a.applyAccumulated(0.5f, 0.9f);
      float lossB = b.trainStep(SyntheticBatches.separable(8, 16, 4, 3), 0.5f, 0.9f);
      b.applyAccumulated(0.5f, 0.9f);
      assertThat(Float.floatToRawIntBits(lossB)).isEqualTo(Float.floatToRawIntBits(lossA));
      Map<String, byte[]> aAfter = VariableValues.of(a);
      Map<String, byte[]> bAfter = VariableValues.of(b);
      for (SessionVariables.Variable v : variables.all()) {
        assertThat(bAfter.get(v.name())).as(v.toString()).isEqualTo(aAfter.get(v.name()));
      }
    }
  }

  /** Each replica has its own variables of every role, as many as the model and optimizer make. */
  private static void assertEveryRoleForEveryReplica(TrainingSession session) {
    SessionVariables variables = session.variables();
    int weights = session.trainableNames().size();
    Map<Role, Integer> perReplica = new EnumMap<>(Role.class);
    perReplica.put(Role.WEIGHT, weights);
    perReplica.put(Role.BN_STATISTIC, 2 * batchNorms(session));
    perReplica.put(Role.OPTIMIZER_SLOT, weights);
    perReplica.put(Role.LOSS_SCALE, 3); // scale, good steps, skipped updates
    perReplica.put(Role.ACCUMULATOR, weights + 1); // a sum per weight and the micro-batch count
    for (int replica = 0; replica < 2; replica++) {
      for (Role role : Role.values()) {
        int r = replica;
        assertThat(variables.all())
            .filteredOn(v -> v.role() == role && v.replica() == r)
            .as("%s of replica %d", role, replica)
            .hasSize(perReplica.get(role))
            .allMatch(
                v -> r == 0 ? !v.name().startsWith("replica_") : v.name().startsWith("replica_1/"));
      }
    }
    assertThat(variables.all()).hasSize(variableOps(session));
  }

  private static int batchNorms(TrainingSession session) {
    return (int) session.trainableNames().stream().filter(n -> n.endsWith(".beta")).count();
  }

  private static int variableOps(TrainingSession session) {
    int count = 0;
    for (var it = session.graph().operations(); it.hasNext(); ) {
      if (it.next().type().equals("VariableV2")) {
        count++;
      }
    }
    return count;
  }

  /** Assigns every listed variable of {@code to} the value it has in {@code from}. */
  @SuppressWarnings("unchecked")
  private static void copy(TrainingSession from, TrainingSession to, SessionVariables variables) {
    Ops tf = Ops.create(to.graph()).withSubScope("copy");
    Session.Runner fetch = from.session().runner();
    variables.all().forEach(v -> fetch.fetch(v.name()));
    try (Result values = fetch.run()) {
      Session.Runner assign = to.session().runner();
      List<Op> assigns = new ArrayList<>();
      for (int i = 0; i < variables.all().size(); i++) {
        GraphOperation variable = to.graph().operation(variables.all().get(i).name());
        Tensor value = values.get(i);
        Class<? extends TType> type =
            value.dataType() == DataType.DT_INT64 ? TInt64.class : TFloat32.class;
        Placeholder<TType> feed = (Placeholder<TType>) tf.placeholder(type);
        assigns.add(tf.assign((Operand<TType>) (Operand<?>) variable.output(0), feed));
        assign.feed(feed, value);
      }
      assigns.forEach(assign::addTarget);
      assign.run().close();
    }
  }
}
