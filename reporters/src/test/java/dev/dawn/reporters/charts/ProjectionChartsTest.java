package dev.dawn.reporters.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

class ProjectionChartsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void epochBreakdownStacksThreePartsPerEpoch() {
    CategoryChart c =
        ProjectionCharts.epochBreakdown(
            "t",
            List.of(
                new ProjectionCharts.EpochBar("1 (128 px)", 0.01, 0.002, 0.0),
                new ProjectionCharts.EpochBar("2 (224 px)", 0.03, 0.002, 0.001)));
    assertThat(c.getSeriesMap().keySet())
        .containsExactly("compute", "exposed communication", "input pipeline wait");
    assertThat(c.getStyler().isStacked()).isTrue();
    assertThat(
            c.getSeriesMap().get("compute").getYData().stream().map(Number::doubleValue).toList())
        .containsExactly(0.01, 0.03);
    assertThat(c.getYAxisTitle()).contains("hours");
    assertThat(ChartEncoder.encode(c, ChartFormat.PNG)).startsWith(PNG_MAGIC);
  }

  @Test
  void sweepPutsPositiveValuesOnALogAxisAndZeroAsALine() {
    XYChart c =
        ProjectionCharts.hoursVsParameter(
            "t",
            "Fusion threshold (MiB)",
            List.of(
                new ProjectionCharts.SweepPoint(0, 0.08),
                new ProjectionCharts.SweepPoint(1, 0.05),
                new ProjectionCharts.SweepPoint(64, 0.04)),
            "threshold 0");
    assertThat(c.getStyler().isXAxisLogarithmic()).isTrue();
    assertThat(c.getSeriesMap().get("projected").getXData()).containsExactly(1.0, 64.0);
    assertThat(c.getSeriesMap().get("threshold 0").getYData()).containsExactly(0.08, 0.08);
    assertThat(ChartEncoder.encode(c, ChartFormat.PNG)).startsWith(PNG_MAGIC);
  }

  @Test
  void emptyInputIsRefused() {
    assertThatThrownBy(() -> ProjectionCharts.epochBreakdown("t", List.of()))
        .hasMessageContaining("no epochs");
    assertThatThrownBy(
            () ->
                ProjectionCharts.hoursVsParameter(
                    "t", "x", List.of(new ProjectionCharts.SweepPoint(0, 1)), "z"))
        .hasMessageContaining("no sweep points above 0");
  }
}
