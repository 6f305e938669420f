package dev.dawn.workloads.training.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerFactoryTest {

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void buildsLarsWithEveryKey() {
    GraphOptimizer built =
        OptimizerFactory.build(
            map(
                "type",
                "lars",
                "weight_decay",
                "1e-4",
                "eta",
                0.0008,
                "epsilon",
                1e-5,
                "nesterov",
                true,
                "min_trust",
                1e-5,
                "max_trust",
                1.0),
            "train.optimizer");
    assertThat(built).isInstanceOf(LarsOptimizer.class);
    LarsOptimizer lars = (LarsOptimizer) built;
    assertThat(lars.weightDecay()).isEqualTo(1e-4);
    assertThat(lars.eta()).isEqualTo(0.0008);
    assertThat(lars.epsilon()).isEqualTo(1e-5);
    assertThat(lars.nesterov()).isTrue();
    assertThat(lars.minTrust()).isEqualTo(1e-5);
    assertThat(lars.maxTrust()).isEqualTo(1.0);
  }

  @Test
  void larsDefaultsAreThePapers() {
    LarsOptimizer lars =
        (LarsOptimizer) OptimizerFactory.build(map("type", "lars", "weight_decay", 5e-5), "opt");
    assertThat(lars.eta()).isEqualTo(0.001);
    assertThat(lars.epsilon()).isEqualTo(0.0);
    assertThat(lars.nesterov()).isFalse();
    assertThat(lars.maxTrust()).isInfinite();
  }

  @Test
  void buildsMomentum() {
    MomentumOptimizer m =
        (MomentumOptimizer)
            OptimizerFactory.build(
                map("type", "momentum", "weight_decay", 5e-4, "nesterov", true), "opt");
    assertThat(m.weightDecay()).isEqualTo(5e-4);
    assertThat(m.nesterov()).isTrue();
  }

  @Test
  void rejectsUnknownKeysMissingDecayAndBadValues() {
    assertThatThrownBy(
            () ->
                OptimizerFactory.build(
                    map("type", "momentum", "weight_decay", 0, "lr", 0.1), "opt"))
        .hasMessageContaining("opt: unknown key 'lr' for optimizer type 'momentum'")
        .hasMessageContaining("[type, weight_decay, nesterov]");
    assertThatThrownBy(() -> OptimizerFactory.build(map("type", "lars"), "opt"))
        .hasMessageContaining("requires key 'weight_decay'");
    assertThatThrownBy(() -> OptimizerFactory.build(map("type", "adam", "weight_decay", 0), "opt"))
        .hasMessageContaining("unknown optimizer type 'adam'")
        .hasMessageContaining("[momentum, lars]");
    assertThatThrownBy(
            () ->
                OptimizerFactory.build(
                    map("type", "momentum", "weight_decay", 0, "nesterov", "yes"), "opt"))
        .hasMessageContaining("key 'nesterov' must be true or false");
    assertThatThrownBy(() -> OptimizerFactory.build(map("type", "lars", "weight_decay", -1), "opt"))
        .hasMessageStartingWith("opt: lars: weight decay");
  }
}
