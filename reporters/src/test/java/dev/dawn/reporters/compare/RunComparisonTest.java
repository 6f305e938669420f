package dev.dawn.reporters.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
  @TempDir Path tmp;

  /** Runs reaching 93% at epoch 2, each epoch lasting base * jitter seconds. */
  private List<ComparedRun> runs(String side, double base, int n, double threshold, int classes)
      throws IOException {
    double[] jitter = {1.00, 1.03, 0.98, 1.05, 0.96, 1.01, 0.99};
    List<ComparedRun> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double s = base * jitter[i];
      runs.add(
          ComparedRun.read(
              SyntheticRun.write(
                  tmp.resolve(side + i),
                  side + i,
                  new double[] {s, s},
                  new double[] {0.7, 0.95},
                  threshold,
                  classes)));
    }
    return runs;
  }

  @Test
  void fasterRecipeIsFoundWithItsFactor() throws IOException {
    RunComparison c =
        RunComparison.of("A", runs("a", 60, 5, 93, 100), "B", runs("b", 48, 5, 93, 100));
    MetricComparison time = c.metrics().get(0);
    assertThat(time.metric()).isEqualTo(CompareMetric.TIME_TO_TARGET);
    assertThat(time.medianA()).isEqualTo(120.0);
    assertThat(time.medianB()).isCloseTo(96.0, within(1e-9));
    assertThat(time.factor().ratio()).isCloseTo(1.25, within(1e-9));
    assertThat(time.test().exact()).isTrue();
    assertThat(time.test().p()).isCloseTo(2.0 / 252, within(1e-12));
    assertThat(time.differenceDetected()).isTrue();
    String text = ComparisonText.render(c);
    assertThat(text)
        .contains("B reaches 93% top-5 1.25x faster than A, 95% CI ")
        .contains(", 5 runs each.")
        .contains("Epochs to target: no difference detectable with 5 runs each")
        .contains("B trains 1.25x faster than A in images/s")
        .contains("best accuracy            95.0%        95.0%    1.00x     1.00-1.00  1.000");
  }

  @Test
  void identicalRecipesShowNoDifference() throws IOException {
    RunComparison c =
        RunComparison.of("A", runs("a", 60, 3, 93, 100), "B", runs("b", 60, 3, 93, 100));
    MetricComparison time = c.metrics().get(0);
    assertThat(time.factor().ratio()).isEqualTo(1.0);
    assertThat(time.factor().containsOne()).isTrue();
    assertThat(ComparisonText.render(c))
        .contains("Time to target: no difference detectable with 3 runs each")
        .contains("smallest possible p is 0.100; add repeats");
  }

  @Test
  void aRunThatMissedTheTargetCountsAsInfinitelySlow() throws IOException {
    List<ComparedRun> a = runs("a", 60, 3, 93, 100);
    a.add(
        ComparedRun.read(
            SyntheticRun.write(
                tmp.resolve("miss"),
                "miss",
                new double[] {60, 60},
                new double[] {0.5, 0.8},
                93,
                100)));
    RunComparison c = RunComparison.of("A", a, "B", runs("b", 60, 3, 93, 100));
    MetricComparison time = c.metrics().get(0);
    assertThat(time.a()).hasSize(4).contains(Double.POSITIVE_INFINITY);
    assertThat(MetricComparison.missed(time.a())).isEqualTo(1);
    assertThat(ComparisonText.render(c)).contains("missed: miss success");
  }

  /** Runs that stop at their epoch limit below 93%, their last evaluation at {@code finalTop5}. */
  private List<ComparedRun> missing(String side, double[] finalTop5) throws IOException {
    List<ComparedRun> runs = new ArrayList<>();
    for (int i = 0; i < finalTop5.length; i++) {
      runs.add(
          ComparedRun.read(
              SyntheticRun.write(
                  tmp.resolve(side + i),
                  side + i,
                  new double[] {60, 60},
                  new double[] {0.3, finalTop5[i]},
                  93,
                  100)));
    }
    return runs;
  }

  @Test
  void bestAccuracyTellsApartRecipesThatBothMissed() throws IOException {
    RunComparison c =
        RunComparison.of(
            "A",
            missing("a", new double[] {0.50, 0.52, 0.55, 0.51, 0.53}),
            "B",
            missing("b", new double[] {0.64, 0.61, 0.66, 0.63, 0.65}));
    MetricComparison time = c.metrics().get(0);
    assertThat(time.differenceDetected()).isFalse();
    MetricComparison best =
        c.metrics().stream()
            .filter(m -> m.metric() == CompareMetric.BEST_ACCURACY)
            .findFirst()
            .orElseThrow();
    assertThat(best.medianA()).isCloseTo(52.0, within(1e-9));
    assertThat(best.medianB()).isCloseTo(64.0, within(1e-9));
    assertThat(best.differenceDetected()).isTrue();
    assertThat(ComparisonText.render(c))
        .contains("Time to target: no difference detectable with 5 runs each")
        .contains("B gets to a higher top-5 than A: median best 64.0% against 52.0% (B vs A 1.23x")
        .contains("best accuracy            52.0%        64.0%");

    RunComparison reversed = RunComparison.of("B", c.b(), "A", c.a());
    assertThat(ComparisonText.render(reversed))
        .contains("A gets to a higher top-5 than B: median best 64.0% against 52.0% (B vs A 0.81x");
  }

  @Test
  void refusesDifferentTargetsAndData() throws IOException {
    assertThatThrownBy(
            () -> RunComparison.of("A", runs("a", 60, 2, 93, 100), "B", runs("b", 60, 2, 80, 100)))
        .isInstanceOf(NotComparableException.class)
        .hasMessage(
            "cannot compare: the target differs (A's run a0 vs B's run b0): top5Accuracy >= 93% vs"
                + " top5Accuracy >= 80%");
    assertThatThrownBy(
            () -> RunComparison.of("A", runs("c", 60, 2, 93, 100), "B", runs("d", 60, 2, 93, 20)))
        .isInstanceOf(NotComparableException.class)
        .hasMessageContaining("the data differ (A's run c0 vs B's run d0): classes 100 vs 20");
  }

  @Test
  void sweepCellsSelectRowsOfRunsCsv() throws IOException {
    runs("a", 60, 2, 93, 100);
    runs("b", 48, 2, 93, 100);
    Path sweep = Files.createDirectories(tmp.resolve("sweep"));
    Files.writeString(
        sweep.resolve("runs.csv"),
        "optimizer.name,train.batchSize,train.seed,status,run_folder\n"
            + "momentum,1024,1,success,../a0\nlars,1024.0,1,success,"
            + tmp.resolve("b0")
            + "\n"
            + "momentum,1024,2,success,../a1\nlars,1024,2,failed,\n");
    assertThat(RunSelection.folders(sweep + "@optimizer.name=lars,train.batchSize=1024"))
        .containsExactly(tmp.resolve("b0"));
    assertThat(RunSelection.folders(sweep + "@optimizer.name=momentum")).hasSize(2);
    assertThat(RunSelection.folders(sweep.toString())).hasSize(3);
    assertThat(RunSelection.folders(tmp.resolve("a0") + "," + tmp.resolve("a1"))).hasSize(2);
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path run = Files.createDirectories(results.resolve("runs"));
    Files.move(tmp.resolve("a0"), run.resolve("a0"));
    Path namedById = Files.createDirectories(results.resolve("sweeps").resolve("s"));
    Files.writeString(namedById.resolve("runs.csv"), "run_folder\na0\n");
    assertThat(RunSelection.folders(namedById.toString()))
        .containsExactly(namedById.resolve("../../runs/a0").toAbsolutePath().normalize());
    assertThatThrownBy(() -> RunSelection.folders(sweep + "@optimiser.name=lars"))
        .hasMessageContaining("has no column 'optimiser.name'");
  }
}
