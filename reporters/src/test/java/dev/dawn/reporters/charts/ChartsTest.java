package dev.dawn.reporters.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.latency.ImageLatency;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.record.StepRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

class ChartsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path tmp;

  static RunRecord reached() {
    return RunRecord.fromEvents(
        EventLogReader.read(Path.of("src/test/resources/runs/imagenet-reached/events.jsonl")));
  }

  @Test
  void accuracyOverlayHasOneLinePerRunPlusTheTarget() {
    RunRecord r = reached();
    XYChart c =
        AccuracyComparisonChart.build(
            "t",
            List.of(
                new RunCurve("a", r.epochs()),
                new RunCurve("a", r.epochs()),
                new RunCurve("empty", List.of())),
            "top5Accuracy",
            93.0);
    assertThat(c.getSeriesMap().keySet()).containsExactly("a", "a (2)", "target Top-5 93.0%");
    assertThat(c.getSeriesMap().get("a").getYData()).containsExactly(80.0, 93.12);
    assertThat(c.getXAxisTitle()).contains("hours");
    assertThat(c.getYAxisTitle()).isEqualTo("Top-5 accuracy (%)");
    assertRenders(c);
  }

  @Test
  void lossAndLearningRateAgainstStepSkipNonFiniteValues() {
    List<StepRecord> steps =
        List.of(
            new StepRecord(1, 1, 1, 2.0, 0.1, 0.9, 5),
            new StepRecord(1, 2, 2, Double.NaN, 0.2, 0.9, 5));
    XYChart loss = StepCharts.loss("loss", List.of(new StepCurve("run", steps)));
    assertThat(loss.getSeriesMap().get("run").getXData()).containsExactly(1.0);
    assertThat(loss.getXAxisTitle()).contains("step");
    XYChart lr = StepCharts.learningRate("lr", List.of(new StepCurve("run", steps)));
    assertThat(lr.getSeriesMap().get("run").getYData()).containsExactly(0.1, 0.2);
    assertRenders(loss);
    assertRenders(lr);
  }

  @Test
  void latencyHistogramCdfAndBatchSize() {
    List<ImageLatency> images = List.of(lat(10), lat(11), lat(12), lat(20));
    CategoryChart h = LatencyCharts.histogram("h", images, 2);
    assertThat(h.getSeriesMap().get("images").getYData().stream().map(Number::doubleValue).toList())
        .containsExactly(3.0, 1.0);
    assertThat(h.getXAxisTitle()).contains("ms");
    XYChart cdf = LatencyCharts.cdf("cdf", Map.of("run", images));
    assertThat(cdf.getSeriesMap().get("run").getYData()).containsExactly(25.0, 50.0, 75.0, 100.0);
    XYChart batch =
        LatencyCharts.vsBatchSize(
            "b",
            List.of(
                new BatchLatency("fp32", 8, 24.0),
                new BatchLatency("fp32", 1, 9.0),
                new BatchLatency("int8", 1, 5.0)));
    assertThat(batch.getSeriesMap().get("fp32 per batch").getXData()).containsExactly(1.0, 8.0);
    assertThat(batch.getYAxisTitle()).contains("(ms");
    assertThatThrownBy(() -> LatencyCharts.histogram("h", List.of(), 3))
        .hasMessageContaining("needs images");
    assertRenders(h);
    assertRenders(cdf);
    assertRenders(batch);
  }

  @Test
  void latencyVsBatchSizePlotsTheBatchTimeAndThePerImageTimeEachUnderItsOwnName() {
    // A ResNet-50 batch of 32 in 914 ms is 28.5625 ms per image; the chart once drew 914 as "per
    // image".
    XYChart batch =
        LatencyCharts.vsBatchSize(
            "b",
            List.of(
                new BatchLatency("fp32", 32, 914.0),
                new BatchLatency("fp32", 1, 30.0),
                new BatchLatency("fp32", 8, 240.0)));
    assertThat(batch.getSeriesMap().keySet()).containsExactly("fp32 per batch", "fp32 per image");
    assertThat(batch.getSeriesMap().get("fp32 per batch").getYData())
        .containsExactly(30.0, 240.0, 914.0);
    assertThat(batch.getSeriesMap().get("fp32 per image").getYData())
        .containsExactly(30.0, 30.0, 28.5625);
    assertThat(batch.getYAxisTitle()).doesNotContain("per image");
    assertRenders(batch);
  }

  @Test
  void sweepCharts() {
    XYChart t =
        SweepCharts.spreadVs(
            "t",
            "train.batchSize",
            "Images/s",
            List.of(
                new SweepCharts.SpreadPoint("threshold=16", 256, 2.0, 0.1),
                new SweepCharts.SpreadPoint("threshold=16", 128, 2.5, Double.NaN),
                new SweepCharts.SpreadPoint("threshold=4", 128, 2.7, 0.2)));
    // Lines in first-seen order, points sorted by x, a missing spread drawn as none.
    assertThat(t.getSeriesMap().keySet()).containsExactly("threshold=16", "threshold=4");
    assertThat(t.getSeriesMap().get("threshold=16").getXData()).containsExactly(128.0, 256.0);
    assertThat(t.getSeriesMap().get("threshold=16").getYData()).containsExactly(2.5, 2.0);
    assertThat(t.getSeriesMap().get("threshold=16").getExtraValues()).containsExactly(0.0, 0.1);
    assertThat(t.getYAxisTitle()).isEqualTo("Images/s");
    XYChart v =
        SweepCharts.top5VsLatency(
            "v",
            List.of(
                new SweepCharts.VariantPoint("fp32", 20, 93.1),
                new SweepCharts.VariantPoint("int8", 8, 92.7)));
    assertThat(v.getSeriesMap()).hasSize(2);
    assertThat(v.getXAxisTitle()).isEqualTo("Latency per image (ms)");
    assertRenders(t);
    assertRenders(v);
  }

  @Test
  void inlineSvgIsEscapedAndHasPrefixedIds() throws Exception {
    XYChart c =
        AccuracyComparisonChart.build(
            "a <script>\"x\"</script>",
            List.of(new RunCurve("r", reached().epochs())),
            "top5Accuracy",
            93.0);
    String svg = ChartEncoder.inlineSvg(c, "p1-");
    assertThat(svg)
        .startsWith("<svg role=\"img\" aria-label=\"a &lt;script&gt;&quot;x&quot;&lt;/script&gt;\"")
        .doesNotContain("<?xml")
        .doesNotContain("<!DOCTYPE")
        .doesNotContain("<script");
    assertThat(svg).containsPattern("id=\"p1-").doesNotContainPattern("id=\"(?!p1-)");
    assertThatThrownBy(() -> ChartEncoder.inlineSvg(c, "1\" onload=\"x"))
        .hasMessageContaining("prefix");
    List<Path> both = ChartEncoder.writeBoth(c, tmp.resolve("loss"));
    assertThat(both).containsExactly(tmp.resolve("loss.png"), tmp.resolve("loss.svg"));
    assertThat(Files.readString(both.get(1), StandardCharsets.UTF_8)).contains("<svg");
  }

  private static ImageLatency lat(double ms) {
    return new ImageLatency("i" + ms, 0, 0, ms, 1);
  }

  private static void assertRenders(Chart<?, ?> chart) {
    byte[] png = ChartEncoder.encode(chart, ChartFormat.PNG);
    assertThat(png).startsWith(PNG_MAGIC);
    assertThat(new String(ChartEncoder.encode(chart, ChartFormat.SVG), StandardCharsets.UTF_8))
        .contains("<svg")
        .contains("</svg>");
  }

  @Test
  void aLongLatencyCdfKeepsItsShapeMinMaxAndWholeTailWithFewerPoints() {
    int n = 5000;
    List<ImageLatency> images = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      images.add(new ImageLatency("img" + i, 0, 0, 1.0 + i / 1000.0, 0.1)); // 1.000 .. 5.999 ms
    }
    XYChart cdf = LatencyCharts.cdf("cdf", Map.of("run", images));
    double[] x = cdf.getSeriesMap().get("run").getXData();
    double[] y = cdf.getSeriesMap().get("run").getYData();
    assertThat(x.length)
        .isLessThanOrEqualTo(LatencyCharts.CDF_POINTS + n / 100)
        .isGreaterThan(LatencyCharts.CDF_POINTS);
    assertThat(x[0]).isEqualTo(1.0);
    assertThat(x[x.length - 1]).isEqualTo(5.999);
    assertThat(y[y.length - 1]).isEqualTo(100.0);
    // the slowest 1% (50 images) is drawn sample by sample
    assertThat(java.util.Arrays.stream(x).filter(v -> v >= 5.95).count()).isEqualTo(50);
    for (int k = 1; k < x.length; k++) {
      assertThat(x[k]).isGreaterThan(x[k - 1]);
      assertThat(y[k]).isGreaterThan(y[k - 1]);
    }
  }
}
