package dev.dawn.reporters.charts;

import java.awt.BasicStroke;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines drawn in groups, one colour and one legend entry per group: a group is a run, or the
 * repeats of a sweep cell, which are drawn as thin lines of the cell's colour so that 24 runs read
 * as 8 cells and the spread of the repeats stays visible.
 */
final class LineGroups {
  private final Map<String, Integer> colourOf = new LinkedHashMap<>();
  private final Map<String, Integer> sizeOf = new HashMap<>();
  private final Map<String, Integer> drawn = new HashMap<>();

  /**
   * {@code groups}: the group of every run the chart is given, in order, drawn or not; a group's
   * colour follows from its place here, so charts given the same runs colour them alike.
   */
  LineGroups(List<String> groups) {
    for (String g : groups) {
      colourOf.putIfAbsent(g, colourOf.size());
      sizeOf.merge(g, 1, Integer::sum);
    }
  }

  /**
   * Styles a line of {@code group}: the group's colour; the first line of a group carries the
   * group's legend entry, later ones none; a group of several lines is drawn thin without markers.
   */
  void style(XYSeries line, String group, boolean markers) {
    int seen = drawn.merge(group, 1, Integer::sum);
    line.setLineColor(ChartStyle.colour(colourOf.getOrDefault(group, 0)));
    line.setMarkerColor(ChartStyle.colour(colourOf.getOrDefault(group, 0)));
    line.setLabel(group);
    line.setShowInLegend(seen == 1);
    boolean several = sizeOf.getOrDefault(group, 1) > 1;
    // Solid: XChart would otherwise dash every fifth series, which reads as a meaning it lacks.
    line.setLineStyle(new BasicStroke(several ? 1.2f : 2f));
    if (several || !markers) {
      line.setMarker(SeriesMarkers.NONE);
    }
  }
}
