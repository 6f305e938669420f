package dev.dawn.reporters.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepAxesTest {
  @Test
  void keysThatFollowFromTheBatchSizeAndTheOptimizerGetNoChartOfTheirOwn() {
    List<SweepRun> runs = BenchSweepRuns.runs();
    assertThat(SweepAxes.textKeys(runs)).containsExactly("optimizer.name");
    assertThat(SweepAxes.chartKeys(runs)).containsExactly("train.batchSize");
    assertThat(SweepAxes.namingKeys(runs)).containsExactly("optimizer.name", "train.batchSize");
    assertThat(SweepAxes.cellName(runs, runs.get(7).values()))
        .isEqualTo("optimizer.name=lars, train.batchSize=1024");
  }

  @Test
  void aLineNeverJoinsCellsOfDifferentOptimizers() {
    Map<Integer, String> lines = SweepAxes.lines(BenchSweepRuns.runs(), "train.batchSize");
    assertThat(lines).hasSize(8);
    for (int cell = 1; cell <= 8; cell++) {
      assertThat(lines.get(cell)).isEqualTo("optimizer.name=" + BenchSweepRuns.OPT[cell - 1]);
    }
  }

  @Test
  void twoIndependentNumbersAreBothAxesAndEachChartHasALinePerValueOfTheOther() {
    // fusion threshold x (batch size zipped with learning rate), as bench-fusion
    List<SweepRun> runs = new ArrayList<>();
    int cell = 0;
    for (int threshold : new int[] {0, 262144}) {
      for (int b = 0; b < 2; b++) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("distributed.fusion.thresholdBytes", threshold);
        v.put("train.batchSize", 64 << b);
        v.put("optimizer.learningRate", 0.2 * (1 << b));
        runs.add(
            new SweepRun(
                ++cell, 1, 1, v, "success", 0, 10.0, 2.0, 2, 1.0, 94.0, null, null, "r", null));
      }
    }
    assertThat(SweepAxes.chartKeys(runs))
        .containsExactly("distributed.fusion.thresholdBytes", "train.batchSize");
    assertThat(SweepAxes.lines(runs, "train.batchSize").values())
        .containsExactly(
            "distributed.fusion.thresholdBytes=0",
            "distributed.fusion.thresholdBytes=0",
            "distributed.fusion.thresholdBytes=262144",
            "distributed.fusion.thresholdBytes=262144");
  }

  @Test
  void aCellsSummaryCountsMissedRunsAsInfinitelySlowAndKeepsTheirAccuracy() {
    List<CellSummary> cells = SweepTables.cells(BenchSweepRuns.runs());
    assertThat(cells).hasSize(8);
    CellSummary momentum = cells.get(0);
    assertThat(momentum.n()).isEqualTo(2);
    assertThat(momentum.reached()).isEqualTo(2);
    assertThat(momentum.seconds().median()).isEqualTo(101.5);
    assertThat(momentum.epochs().median()).isEqualTo(9.5);
    CellSummary lars = cells.get(7);
    assertThat(lars.reached()).isZero();
    assertThat(lars.seconds().median()).isInfinite();
    assertThat(lars.bestAccuracy().median()).isEqualTo(84.5);
    assertThat(lars.imagesPerSecond().median()).isEqualTo(1007.0);
  }
}
