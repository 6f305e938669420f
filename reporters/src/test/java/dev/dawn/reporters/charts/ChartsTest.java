package dev.dawn.reporters.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

class ChartsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path tmp;

  static RunRecord reached() {
    return RunRecord.fromEvents(
        EventLogReader.read(Path.of("src/test/resources/runs/imagenet-reached/events.jsonl")));
  }

  static final AccuracyTarget TOP5_93 = new AccuracyTarget("top5Accuracy", 93.0);

  @Test
  void accuracyOverlayHasOneLinePerRunPlusTheTarget() {
    RunRecord r = reached();
    XYChart c =
        AccuracyComparisonChart.build(
            "t",
            List.of(
                new RunCurve("a", r.evaluations()),
                new RunCurve("a", r.evaluations()),
                new RunCurve("empty", List.of())),
            TOP5_93);
    assertThat(c.getSeriesMap().keySet()).containsExactly("a", "a (2)", "target 93% top-5");
    assertThat(c.getSeriesMap().get("a").getYData()).containsExactly(80.0, 93.12);
    assertThat(c.getXAxisTitle()).contains("hours");
    assertThat(c.getYAxisTitle()).isEqualTo("Top-5 accuracy (%)");
    assertRenders(c);
  }

  @Test
  void aCellsRepeatsShareOneColourAndOneLegendEntryAsThinLines() {
    var evals = reached().evaluations();
    XYChart c =
        AccuracyComparisonChart.build(
            "t",
            List.of(
                new RunCurve("c1-r1", "cell 1", evals),
                new RunCurve("c2-r1", "cell 2", evals),
                new RunCurve("c1-r2", "cell 1", evals)),
            TOP5_93);
    var r1 = c.getSeriesMap().get("c1-r1");
    var r2 = c.getSeriesMap().get("c1-r2");
    var other = c.getSeriesMap().get("c2-r1");
    assertThat(r1.getLineColor()).isEqualTo(r2.getLineColor()).isNotEqualTo(other.getLineColor());
    assertThat(r1.isShowInLegend()).isTrue();
    assertThat(r1.getLabel()).isEqualTo("cell 1");
    assertThat(r2.isShowInLegend()).isFalse();
    assertThat(r1.getLineStyle().getLineWidth()).isLessThan(other.getLineStyle().getLineWidth());
    // Colours follow the order runs are given in, so the loss chart of the same runs matches.
    XYChart loss =
        StepCharts.loss(
            "l",
            List.of(
                new StepCurve("c1-r1", "cell 1", List.of()),
                new StepCurve(
                    "c2-r1", "cell 2", List.of(new StepRecord(1, 1, 1, 2.0, 0.1, 0.9, 5)))));
    assertThat(loss.getSeriesMap().get("c2-r1").getLineColor()).isEqualTo(other.getLineColor());
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
  void latencyCdfAndBatchSize() {
    List<ImageLatency> images = List.of(lat(10), lat(11), lat(12), lat(20));
    XYChart cdf = LatencyCharts.cdf("cdf", Map.of("run", images));
    assertThat(cdf.getSeriesMap().get("run").getYData()).containsExactly(25.0, 50.0, 75.0, 100.0);
    assertThat(cdf.getStyler().isXAxisLogarithmic()).as("10-20 ms: one axis decade").isFalse();
    XYChart decades =
        LatencyCharts.cdf(
            "cdf", Map.of("small net", List.of(lat(0.3), lat(0.5)), "big net", List.of(lat(30))));
    assertThat(decades.getStyler().isXAxisLogarithmic()).as("0.3-30 ms: two decades").isTrue();
    assertThat(decades.getXAxisTitle()).contains("log scale");
    XYChart batch =
        LatencyCharts.vsBatchSize(
            "b",
            List.of(
                new BatchLatency("fp32", 8, 24.0),
                new BatchLatency("fp32", 1, 9.0),
                new BatchLatency("int8", 1, 5.0)));
    assertThat(batch.getSeriesMap().get("fp32 per batch").getXData()).containsExactly(1.0, 8.0);
    assertThat(batch.getYAxisTitle()).contains("(ms");
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
  void sweepChartsJoinACellsMediansPerLineWithTheIntervalAsABand() {
    XYChart t =
        SweepCharts.medianVs(
            "t",
            "train.batchSize",
            "Images/s",
            List.of(
                new SweepCharts.BandPoint("momentum", 256, 2.0, 1.8, 2.1),
                new SweepCharts.BandPoint("momentum", 128, 2.5, 2.4, 2.6),
                new SweepCharts.BandPoint("lars", 128, 2.7, 2.5, Double.POSITIVE_INFINITY),
                new SweepCharts.BandPoint("lars", 512, 3.0, 2.9, 3.1)));
    // Lines in first-seen order, points sorted by x; the lines' own series are in the legend.
    var legend =
        t.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).map(s -> s.getName());
    assertThat(legend).containsExactly("momentum", "lars");
    assertThat(t.getSeriesMap().get("momentum").getXData()).containsExactly(128.0, 256.0);
    assertThat(t.getSeriesMap().get("momentum").getYData()).containsExactly(2.5, 2.0);
    // momentum's two finite intervals make one polygon: upper bounds left to right, lower back.
    var band = t.getSeriesMap().get("momentum interval");
    assertThat(band.getXYSeriesRenderStyle())
        .isEqualTo(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.PolygonArea);
    assertThat(band.getYData()).containsExactly(2.6, 2.1, 1.8, 2.4);
    // lars at 128 has an open interval (a missed run): only 512 gets a whisker, nothing infinite.
    var whisker = t.getSeriesMap().get("lars interval");
    assertThat(whisker.getXData()).containsExactly(512.0, 512.0);
    assertThat(whisker.getYData()).containsExactly(2.9, 3.1);
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
  void aPageChartIsTheSmallerOfPngAndSvgAtTheAskedSize() throws Exception {
    XYChart c =
        AccuracyComparisonChart.build(
            "a", List.of(new RunCurve("r", reached().evaluations())), TOP5_93);
    ChartEncoder.Encoded e = ChartEncoder.smallest(c, 640, 300);
    byte[] png = ChartEncoder.png(c, 640, 300);
    byte[] svg = ChartEncoder.encode(c, ChartFormat.SVG);
    assertThat(e.bytes().length).isEqualTo(Math.min(png.length, svg.length));
    assertThat(e.mediaType()).isEqualTo(png.length <= svg.length ? "image/png" : "image/svg+xml");
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(300);
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
