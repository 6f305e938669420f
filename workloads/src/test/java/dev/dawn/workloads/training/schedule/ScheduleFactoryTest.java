package dev.dawn.workloads.training.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleFactoryTest {

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void buildsHuaweiStyleWarmupAndLinearCosine() {
    LearningRateSchedule lr =
        ScheduleFactory.build(
            map(
                "type",
                "linear_warmup",
                "epochs",
                3.5,
                "start",
                0.2,
                "after",
                map(
                    "type",
                    "linear_cosine",
                    "initial",
                    27.8,
                    "startEpoch",
                    3.5,
                    "decayEpochs",
                    28.7,
                    "beta",
                    0.2 / 27.8)),
            "train.lr");
    assertThat(lr)
        .isEqualTo(
            new LinearWarmup(3.5, 0.2, new LinearCosineDecay(27.8, 3.5, 28.7, 0, 0.2 / 27.8, 0.5)));
    assertThat(lr.at(0)).isCloseTo(0.2, within(1e-9));
    assertThat(lr.at(3.5)).isCloseTo(28.0, within(1e-9));
    assertThat(lr.at(35)).isCloseTo(0.2, within(1e-9));
    MomentumSchedule m =
        ScheduleFactory.buildMomentum(
            map("type", "dynamic_momentum", "min", 0.9, "max", 0.98, "minLr", 0.2, "maxLr", 28),
            "train.momentum",
            lr);
    assertThat(m.at(3.5)).isCloseTo(0.9, within(1e-9));
    assertThat(m.at(35)).isCloseTo(0.98, within(1e-9));
  }

  @Test
  void linearCosineDefaultsAreTensorFlows() {
    assertThat(ScheduleFactory.build(map("type", "linear_cosine", "initial", 1, "decayEpochs", 10)))
        .isEqualTo(LinearCosineDecay.withTensorFlowDefaults(1, 10));
  }

  @Test
  void buildsTheOtherTypes() {
    assertThat(ScheduleFactory.build(map("type", "constant", "value", 0.1)))
        .isEqualTo(new ConstantSchedule(0.1));
    assertThat(
            ScheduleFactory.build(
                map(
                    "type",
                    "polynomial",
                    "initial",
                    11,
                    "end",
                    "1e-4",
                    "power",
                    2,
                    "startEpoch",
                    2,
                    "endEpoch",
                    35)))
        .isEqualTo(new PolynomialDecay(11, 1e-4, 2, 2, 35));
    assertThat(
            ScheduleFactory.build(
                map(
                    "type",
                    "piecewise_linear",
                    "epochs",
                    List.of(0, 5, 24),
                    "values",
                    List.of(0, 0.4, 0))))
        .isEqualTo(PiecewiseLinear.of(new double[] {0, 5, 24}, new double[] {0, 0.4, 0}));
    assertThat(
            ScheduleFactory.build(
                    map(
                        "type",
                        "step",
                        "boundaries",
                        List.of(30, 60),
                        "initial",
                        3.2,
                        "factor",
                        0.1))
                .at(60))
        .isCloseTo(0.032, within(1e-12));
    assertThat(
            ScheduleFactory.build(
                map("type", "step", "boundaries", List.of(30), "values", List.of(1, 2))))
        .isEqualTo(new StepDecay(List.of(30.0), List.of(1.0, 2.0)));
    assertThat(
            ScheduleFactory.buildMomentum(map("type", "constant", "value", 0.9), "m", null).at(3))
        .isEqualTo(0.9);
  }

  @Test
  void unknownKeyIsNamedWithTheAllowedKeys() {
    assertThatThrownBy(
            () ->
                ScheduleFactory.build(
                    map("type", "linear_cosine", "initial", 1, "decayEpochs", 10, "decay_steps", 5),
                    "train.lr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("train.lr")
        .hasMessageContaining("unknown key 'decay_steps'")
        .hasMessageContaining("[type, initial, decayEpochs, startEpoch, alpha, beta, numPeriods]");
  }

  @Test
  void nestedErrorsCarryTheNestedPath() {
    assertThatThrownBy(
            () ->
                ScheduleFactory.build(
                    map(
                        "type",
                        "linear_warmup",
                        "epochs",
                        5,
                        "after",
                        map("type", "constant", "valu", 1)),
                    "train.lr"))
        .hasMessageStartingWith("train.lr.after: unknown key 'valu'");
    assertThatThrownBy(
            () ->
                ScheduleFactory.build(
                    map(
                        "type",
                        "linear_warmup",
                        "epochs",
                        5,
                        "after",
                        map("type", "linear_cosine", "initial", 1, "decayEpochs", 0)),
                    "train.lr"))
        .hasMessageStartingWith("train.lr.after: linear_cosine: decayEpochs must be > 0");
  }

  @Test
  void rejectsMissingWrongAndUnknown() {
    assertThatThrownBy(
            () ->
                ScheduleFactory.build(
                    map("type", "polynomial", "initial", 1, "end", 0, "power", 2)))
        .hasMessageContaining("requires key 'endEpoch'");
    assertThatThrownBy(() -> ScheduleFactory.build(map("type", "constant", "value", "fast")))
        .hasMessageContaining("key 'value' must be a number, got String 'fast'");
    assertThatThrownBy(() -> ScheduleFactory.build(map("type", "cosine", "value", 1)))
        .hasMessageContaining("unknown schedule type 'cosine'")
        .hasMessageContaining("linear_cosine");
    assertThatThrownBy(() -> ScheduleFactory.build(map("value", 1)))
        .hasMessageContaining("key 'type' is required");
    assertThatThrownBy(
            () ->
                ScheduleFactory.build(
                    map("type", "piecewise_linear", "epochs", List.of(0, 5), "values", List.of(1))))
        .hasMessageContaining("must pair up");
    assertThatThrownBy(
            () ->
                ScheduleFactory.build(
                    map(
                        "type",
                        "step",
                        "boundaries",
                        List.of(1),
                        "values",
                        List.of(1, 2),
                        "factor",
                        0.1)))
        .hasMessageContaining("exactly one of 'values' or 'factor'");
    assertThatThrownBy(
            () -> ScheduleFactory.build(map("type", "linear_warmup", "epochs", 5, "after", 3)))
        .hasMessageContaining("key 'after' must be a nested schedule map");
    // A momentum-only type is not a learning-rate schedule, and the reverse.
    assertThatThrownBy(() -> ScheduleFactory.build(map("type", "dynamic_momentum")))
        .hasMessageContaining("unknown schedule type 'dynamic_momentum'");
    assertThatThrownBy(() -> ScheduleFactory.buildMomentum(map("type", "linear_cosine"), "m", null))
        .hasMessageContaining("unknown schedule type 'linear_cosine'");
    assertThatThrownBy(
            () ->
                ScheduleFactory.buildMomentum(
                    map(
                        "type",
                        "dynamic_momentum",
                        "min",
                        0.9,
                        "max",
                        0.98,
                        "minLr",
                        0.2,
                        "maxLr",
                        28),
                    "m",
                    null))
        .hasMessageContaining("needs the learning-rate schedule");
  }
}
