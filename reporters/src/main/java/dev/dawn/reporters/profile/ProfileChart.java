package dev.dawn.reporters.profile;

import dev.dawn.reporters.charts.ChartStyle;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Where a step's time goes: time per op type, one bar per traced profile (e.g. fp32 next to int8).
 */
public final class ProfileChart {
  /** Op types shown by name; the rest are summed into "other". */
  static final int TOP_TYPES = 10;

  static final String OTHER = "other";

  private ProfileChart() {}

  public static CategoryChart byOpType(String title, List<OpProfile> profiles) {
    List<String> types = topTypes(profiles);
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(title)
            .xAxisTitle("Op type (kernel that ran)")
            .yAxisTitle("Time per step (ms, summed over threads)")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDecimalPattern("#0.###");
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    var names = ChartStyle.names();
    for (OpProfile p : profiles) {
      chart.addSeries(ChartStyle.unique(names, p.label()), types, msPerStep(p, types));
    }
    return chart;
  }

  /** The slowest types over all profiles, plus "other" when some are left out. */
  static List<String> topTypes(List<OpProfile> profiles) {
    Map<String, Double> all = new LinkedHashMap<>();
    for (OpProfile p : profiles) {
      p.microsByType().forEach((t, us) -> all.merge(t, us / Math.max(1, p.steps()), Double::sum));
    }
    List<String> sorted = new ArrayList<>(all.keySet());
    sorted.sort((a, b) -> Double.compare(all.get(b), all.get(a)));
    List<String> top = new ArrayList<>(sorted.subList(0, Math.min(TOP_TYPES, sorted.size())));
    if (sorted.size() > TOP_TYPES) {
      top.add(OTHER);
    }
    return top;
  }

  private static List<Double> msPerStep(OpProfile p, List<String> types) {
    Map<String, Double> byType = p.microsByType();
    List<Double> ms = new ArrayList<>();
    double shown = 0;
    for (String t : types) {
      if (t.equals(OTHER)) {
        continue;
      }
      double v = byType.getOrDefault(t, 0.0);
      shown += v;
      ms.add(v / 1000.0 / Math.max(1, p.steps()));
    }
    if (types.contains(OTHER)) {
      ms.add((p.totalMicros() - shown) / 1000.0 / Math.max(1, p.steps()));
    }
    return ms;
  }
}
