package dev.dawn.reporters.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of parameter sweeps. */
public final class SweepCharts {
    private SweepCharts() {
    }

    /** One sweep cell: training hours to the target at a batch size and gradient-fusion threshold (MiB). */
    public record FusionPoint(int batchSize, double fusionThresholdMiB, double hoursToTarget) {
    }

    /** One model variant's inference latency (ms per image) and top-5 accuracy (%). */
    public record VariantPoint(String variant, double latencyMs, double top5Accuracy) {
    }

    /** Time to target against batch size, one line per fusion threshold (ascending). */
    public static XYChart timeToTargetVsBatchSize(String title, List<FusionPoint> points) {
        XYChart chart = ChartStyle.xy(title, "Batch size (images)", "Time to target (hours of training)");
        Map<Double, List<FusionPoint>> byThreshold = new TreeMap<>();
        for (FusionPoint p : points) {
            byThreshold.computeIfAbsent(p.fusionThresholdMiB(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Double, List<FusionPoint>> line : byThreshold.entrySet()) {
            List<FusionPoint> sorted = line.getValue().stream().sorted(Comparator.comparingInt(FusionPoint::batchSize)).toList();
            chart.addSeries("fusion threshold " + line.getKey() + " MiB",
                    sorted.stream().mapToDouble(FusionPoint::batchSize).toArray(),
                    sorted.stream().mapToDouble(FusionPoint::hoursToTarget).toArray()).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Accuracy against latency, one point (own legend entry) per variant. */
    public static XYChart top5VsLatency(String title, List<VariantPoint> points) {
        XYChart chart = ChartStyle.xy(title, "Latency per image (ms)", "Top-5 accuracy (%)");
        java.util.Set<String> names = ChartStyle.names();
        for (VariantPoint p : points) {
            XYSeries s = chart.addSeries(ChartStyle.unique(names, p.variant()), new double[] {p.latencyMs()},
                    new double[] {p.top5Accuracy()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
