package dev.dawn.reporters.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How a sweep's cells are laid out for people, from the cells' values alone: which numeric keys are
 * axes worth a chart, which cells one line of such a chart joins, and how a cell is named.
 *
 * <p>A text key (an optimizer's name) tells recipes apart, so cells with different text values are
 * never on one line. A numeric key that follows from earlier axes and the text keys (a learning
 * rate zipped with the batch size, a warmup chosen per batch) is no axis of its own: charting
 * against it would show the same cells again. A line joins the cells that share every text value
 * and every other axis's value; they differ only in the charted key and what follows from it.
 */
public final class SweepAxes {
  private SweepAxes() {}

  /** Grid keys whose values are all numbers, in the spec's order. */
  public static List<String> numericKeys(List<SweepRun> runs) {
    return SweepTables.keys(runs).stream()
        .filter(k -> runs.stream().allMatch(r -> r.values().get(k) instanceof Number))
        .toList();
  }

  /** Grid keys with a value that is not a number (names, lists, schedules). */
  public static List<String> textKeys(List<SweepRun> runs) {
    List<String> numeric = numericKeys(runs);
    return SweepTables.keys(runs).stream().filter(k -> !numeric.contains(k)).toList();
  }

  /**
   * The numeric keys that get a chart: with two values or more, and not fixed by the text keys and
   * the axes before them.
   */
  public static List<String> chartKeys(List<SweepRun> runs) {
    List<String> axes = new ArrayList<>();
    for (String k : numericKeys(runs)) {
      if (runs.stream().map(r -> r.values().get(k)).distinct().count() < 2) {
        continue;
      }
      List<String> given = new ArrayList<>(textKeys(runs));
      given.addAll(axes);
      if (!determinedBy(runs, k, given)) {
        axes.add(k);
      }
    }
    return axes;
  }

  /** The keys that name a cell: the text keys and the chart keys; the rest follow from them. */
  public static List<String> namingKeys(List<SweepRun> runs) {
    List<String> chart = chartKeys(runs);
    return SweepTables.keys(runs).stream()
        .filter(k -> textKeys(runs).contains(k) || chart.contains(k))
        .toList();
  }

  /**
   * A cell's name, e.g. {@code optimizer.name=lars, train.batchSize=1024}; "base config" if none.
   */
  public static String cellName(List<SweepRun> runs, Map<String, Object> values) {
    return describe(namingKeys(runs), values, "base config");
  }

  /**
   * The line of each cell (by cell number) in a chart against {@code xKey}: its values of the text
   * keys and the other chart keys; empty when the cells differ in {@code xKey} alone.
   */
  public static Map<Integer, String> lines(List<SweepRun> runs, String xKey) {
    List<String> lineKeys = namingKeys(runs).stream().filter(k -> !k.equals(xKey)).toList();
    Map<Integer, String> lines = new LinkedHashMap<>();
    for (SweepRun r : runs) {
      lines.putIfAbsent(r.cell(), describe(lineKeys, r.values(), ""));
    }
    return lines;
  }

  /** True when the runs' values of {@code given} fix the value of {@code key}. */
  static boolean determinedBy(List<SweepRun> runs, String key, List<String> given) {
    Map<List<Object>, Object> seen = new HashMap<>();
    for (SweepRun r : runs) {
      List<Object> at = new ArrayList<>();
      given.forEach(g -> at.add(r.values().get(g)));
      Object value = r.values().get(key);
      if (seen.containsKey(at) && !Objects.equals(seen.get(at), value)) {
        return false;
      }
      seen.put(at, value);
    }
    return true;
  }

  private static String describe(List<String> keys, Map<String, Object> values, String none) {
    StringJoiner s = new StringJoiner(", ");
    keys.forEach(k -> s.add(k + "=" + values.get(k)));
    return s.length() == 0 ? none : s.toString();
  }
}
