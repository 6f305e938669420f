package dev.dawn.harness.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a spec (the product of its axes) and the order of its runs: repeat 1 of every cell,
 * then repeat 2, and so on, so that drift of a shared machine (other jobs, heat) hits every cell
 * alike instead of the last cells.
 */
public record SweepPlan(List<SweepCell> cells, int repeats, long firstSeed) {

  /** One planned run. */
  public record PlannedRun(SweepCell cell, int repeat, long seed) {}

  public static SweepPlan of(SweepSpec spec, long firstSeed) {
    List<SweepCell> cells = new ArrayList<>();
    int total = 1;
    for (SweepSpec.Axis a : spec.axes()) total *= a.size();
    for (int index = 0; index < total; index++) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      Map<String, String> origins = new LinkedHashMap<>();
      int rest = index;
      int stride = total;
      for (SweepSpec.Axis a : spec.axes()) {
        stride /= a.size();
        int position = rest / stride;
        rest %= stride;
        for (int k = 0; k < a.keys().size(); k++) {
          values.put(a.keys().get(k), a.columns().get(k).get(position));
          origins.put(a.keys().get(k), a.origins().get(k));
        }
      }
      cells.add(new SweepCell(index + 1, values, origins));
    }
    return new SweepPlan(List.copyOf(cells), spec.repeats(), firstSeed);
  }

  /** Every run, interleaved: all cells' repeat 1, then all cells' repeat 2, ... */
  public List<PlannedRun> runs() {
    List<PlannedRun> runs = new ArrayList<>();
    for (int r = 1; r <= repeats; r++) {
      for (SweepCell c : cells) runs.add(new PlannedRun(c, r, firstSeed + r - 1));
    }
    return runs;
  }

  /**
   * The config name of a run, which also names its run folder: {@code <sweep>-c<cell>-r<repeat>}.
   */
  public static String runName(String sweepName, int cell, int repeat) {
    return sweepName + "-c" + cell + "-r" + repeat;
  }
}
