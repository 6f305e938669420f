package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.harness.config.WorkerLink;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check against a sweep keeps fitting and checking apart: parameters come from the cells the
 * network file's fit.cells select and from nothing else (what the checked cells measured cannot
 * move them), and with "measurements" made by the model itself at known values the fit finds those
 * values and predicts the checked cells.
 */
class SweepCheckTest {
  private static final ModelSpec RESNET9 = new ModelSpec("resnet9", 100, 0.25, null, null);
  private static final RecipePlan PLAN =
      new RecipePlan(
          "r",
          4000,
          List.of(new RecipePlan.EpochPlan(1, 32, 128), new RecipePlan.EpochPlan(2, 32, 128)));
  private static final StackSpec DAWN_STACK =
      StackFile.load("dawn-tensorflow-java", StackFileTest.DIR);
  private static final List<String> RATES = List.of("loopback", "200mbit", "50mbit", "1gbit");
  private static final List<Long> THRESHOLDS = List.of(0L, 262_144L, 67_108_864L);

  /** The true values the "measurements" are made with. */
  private static final double LATENCY = 3e-4;

  private static final double OVERLAP = 0.7;
  private static final double EFFICIENCY = 0.8;

  @Test
  void theFitFindsTheValuesOnItsCellsAndPredictsTheOthers() {
    List<MeasuredCell> measured = measuredByTheModel();
    SweepCheck.Result result = check(1e-4, 0.5, 1.0).run(measured);
    assertThat(result.fitted())
        .containsOnlyKeys("device.efficiency", "network.latencySeconds", "communication.overlap");
    assertThat(result.fitted().get("device.efficiency")).isCloseTo(EFFICIENCY, within(0.001));
    assertThat(result.fitted().get("network.latencySeconds")).isCloseTo(LATENCY, within(1e-6));
    assertThat(result.fitted().get("communication.overlap")).isCloseTo(OVERLAP, within(0.001));
    // fitted on loopback and 200mbit, checked on 50mbit and 1gbit: half the cells
    assertThat(result.checkedCount()).isEqualTo(6);
    assertThat(result.rows())
        .allSatisfy(
            r ->
                assertThat(r.fitted())
                    .isEqualTo(
                        r.cell().link().isLoopback()
                            || r.cell().link().toString().equals("200mbit")));
    assertThat(result.exposedMeanAbsoluteErrorMs().getAsDouble()).isLessThan(0.05);
    assertThat(result.secondsMeanAbsoluteRelativeError().getAsDouble()).isLessThan(0.001);
    // the exposed communication grows as the link slows: the check is not trivially flat
    assertThat(exposed(result, "50mbit", 67_108_864L))
        .isGreaterThan(3 * exposed(result, "1gbit", 67_108_864L));
  }

  @Test
  void whatTheCheckedCellsMeasuredNeverMovesTheFit() {
    List<MeasuredCell> honest = measuredByTheModel();
    List<MeasuredCell> checkedOff = new ArrayList<>();
    List<MeasuredCell> fitOff = new ArrayList<>();
    for (MeasuredCell c : honest) {
      boolean fit = c.link().isLoopback() || c.link().toString().equals("200mbit");
      checkedOff.add(fit ? c : scaled(c, 3));
      fitOff.add(fit ? scaled(c, 3) : c);
    }
    var base = check(1e-4, 0.5, 1.0).run(honest);
    var withCheckedOff = check(1e-4, 0.5, 1.0).run(checkedOff);
    assertThat(withCheckedOff.fitted()).isEqualTo(base.fitted());
    assertThat(withCheckedOff.exposedMeanAbsoluteErrorMs().getAsDouble())
        .isGreaterThan(100 * base.exposedMeanAbsoluteErrorMs().getAsDouble() + 1);
    assertThat(check(1e-4, 0.5, 1.0).run(fitOff).fitted()).isNotEqualTo(base.fitted());
  }

  @Test
  void fitCellsThatSelectNothingOrEverythingAreRefused() {
    List<MeasuredCell> measured = measuredByTheModel();
    for (String cells : List.of("[\"distributed.network=10mbit\"]", "[\"workers=2\"]")) {
      var net = NetworkFile.parse(networkYaml(1e-4, 0.5).replace(FIT_CELLS, cells), "e.yaml");
      var sweepCheck = new SweepCheck(device(1.0), net, DAWN_STACK);
      assertThatThrownBy(() -> sweepCheck.run(measured))
          .hasMessageContaining("e.yaml: fit.cells")
          .hasMessageContaining("a check needs cells to fit on and others to check");
    }
  }

  private static double exposed(SweepCheck.Result result, String rate, long threshold) {
    return result.rows().stream()
        .filter(r -> r.cell().link().toString().equals(rate))
        .filter(r -> r.cell().fusionThresholdBytes() == threshold)
        .findFirst()
        .orElseThrow()
        .exposedMs();
  }

  /** Every cell "measured" as the model projects it at the true values (no fit). */
  private static List<MeasuredCell> measuredByTheModel() {
    List<MeasuredCell> unmeasured = cells(null);
    var truth =
        new SweepCheck(
                device(EFFICIENCY).with(List.of("fit.parameters=[]")),
                network(LATENCY, OVERLAP, false),
                DAWN_STACK)
            .run(unmeasured);
    List<MeasuredCell> out = new ArrayList<>();
    for (SweepCheck.Row r : truth.rows()) {
      out.add(measured(r.cell(), r.computeMs(), r.exposedMs(), r.seconds()));
    }
    return out;
  }

  /** Every rate x threshold cell on 2 workers, measured {@code null} (nothing) or as given. */
  private static List<MeasuredCell> cells(Double nothing) {
    List<MeasuredCell> out = new ArrayList<>();
    int n = 0;
    for (String rate : RATES) {
      for (long t : THRESHOLDS) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("distributed.network", rate);
        values.put("distributed.fusion.thresholdBytes", t);
        out.add(
            new MeasuredCell(
                ++n,
                values,
                PLAN,
                RESNET9,
                2,
                WorkerLink.of(rate),
                t,
                3,
                nothing,
                nothing,
                nothing,
                nothing,
                nothing,
                2.0));
      }
    }
    return out;
  }

  private static MeasuredCell scaled(MeasuredCell c, double factor) {
    return measured(c, c.computeMs() * factor, c.exposedMs() * factor, c.seconds() * factor);
  }

  /** {@code c} as 3 runs measured it, the median's interval 5% either side. */
  private static MeasuredCell measured(
      MeasuredCell c, Double computeMs, Double exposedMs, Double seconds) {
    return new MeasuredCell(
        c.cell(),
        c.values(),
        c.plan(),
        c.model(),
        c.workers(),
        c.link(),
        c.fusionThresholdBytes(),
        3,
        computeMs,
        exposedMs,
        seconds,
        seconds == null ? null : seconds * 0.95,
        seconds == null ? null : seconds * 1.05,
        c.targetEpoch());
  }

  private static SweepCheck check(double latency, double overlap, double efficiency) {
    return new SweepCheck(device(efficiency), network(latency, overlap, true), DAWN_STACK);
  }

  private static ProjectionFile<HardwareSpec> device(double efficiency) {
    return HardwareFile.load("cpu", HardwareFileTest.DIR, List.of())
        .with("device.efficiency", efficiency);
  }

  private static final String FIT_CELLS =
      "[\"distributed.network=loopback\", \"distributed.network=200mbit\"]";

  private static String networkYaml(double latency, double overlap) {
    return """
        name: emulated (test)
        network:
          gigabitsPerSecond: 0.2
          efficiency: 0.936
          latencySeconds: %s
        communication:
          algorithm: ring
          overlap: %s
        fit:
          parameters: [network.latencySeconds, communication.overlap]
          entries: []
          cells: %s
        """
        .formatted(latency, overlap, FIT_CELLS);
  }

  private static ProjectionFile<NetworkSpec> network(double latency, double overlap, boolean fit) {
    String yaml = networkYaml(latency, overlap);
    if (!fit)
      yaml =
          yaml.replace(
              "parameters: [network.latencySeconds, communication.overlap]", "parameters: []");
    return NetworkFile.parse(yaml, "e.yaml");
  }
}
