package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.compare.CellPair;
import dev.dawn.reporters.compare.CompareMetric;
import dev.dawn.reporters.compare.ComparisonText;
import dev.dawn.reporters.compare.MetricComparison;
import dev.dawn.reporters.compare.RunComparison;
import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.html.HtmlTable.Cell;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The top of a sweep's section: the verdict of {@code dawn compare} on each pair of cells, a row
 * per pair (runs that reached the target on each side, both medians of time to target and of best
 * accuracy, what {@code dawn compare} concludes), the note that applies to every row said once, and
 * the whole {@code dawn compare} output folded below.
 */
final class SweepVerdict {
  private SweepVerdict() {}

  /** How the figures below are read; said once, under the verdict. */
  static final String METHOD =
      "Times are training time to the first evaluation at the target (evaluation excluded),"
          + " H:MM:SS. A cell's median comes with its 95% bootstrap interval over the repeats"
          + " (small, below it). A run that missed the target counts as infinitely slow.";

  static void append(StringBuilder h, SweepView view) {
    if (view.pairs().isEmpty()) {
      h.append(
          "<p class=\"note\">No pair of cells to compare: name pairs under <code>compare:</code>"
              + " in the sweep spec to get a verdict here.</p>\n");
      return;
    }
    h.append("<h3>Verdict of dawn compare on ")
        .append(
            view.pairsNamed()
                ? "the pairs of cells the spec names"
                : "cells that differ only in " + escape(String.join(", ", differing(view))))
        .append("</h3>\n");
    AccuracyTarget target =
        view.pairs().stream()
            .map(SweepView.Pair::comparison)
            .filter(Objects::nonNull)
            .map(RunComparison::target)
            .findFirst()
            .orElse(null);
    HtmlTable t =
        new HtmlTable(
            "verdict",
            List.of(
                "A vs B" + differingKeys(view),
                "Reached " + (target != null ? target.phrase() : "the target"),
                "Time to target, median",
                "Best " + (target == null ? "accuracy" : target.metricName()) + ", median",
                "What dawn compare says"));
    StringBuilder full = new StringBuilder();
    Set<String> notes = new LinkedHashSet<>(); // said once under the table, not in every row
    for (SweepView.Pair p : view.pairs()) {
      RunComparison c = p.comparison();
      if (c == null) {
        t.row(
            List.of(
                Cell.html(pairLabel(p.cells(), oneKey(view)), null),
                Cell.text(""),
                Cell.text(""),
                Cell.text(""),
                Cell.text("not compared: " + p.problem())));
        continue;
      }
      List<String> says = new ArrayList<>();
      for (MetricComparison m : c.metrics()) {
        if (m.metric() == CompareMetric.TIME_TO_TARGET
            || m.metric() == CompareMetric.BEST_ACCURACY) {
          says.add(ComparisonText.verdict(c, m));
          ComparisonText.floorNote(m).ifPresent(notes::add);
        }
      }
      t.row(
          List.of(
              Cell.html(pairLabel(p.cells(), oneKey(view)), null),
              Cell.html(
                  "A "
                      + RunComparison.reached(c.a())
                      + "/"
                      + c.a().size()
                      + "<br>B "
                      + RunComparison.reached(c.b())
                      + "/"
                      + c.b().size(),
                  "num"),
              Cell.html(
                  versus(c.metric(CompareMetric.TIME_TO_TARGET), CompareMetric.TIME_TO_TARGET),
                  "num"),
              Cell.html(
                  versus(c.metric(CompareMetric.BEST_ACCURACY), CompareMetric.BEST_ACCURACY),
                  "num"),
              Cell.text(String.join(" ", says))));
      full.append("<pre>").append(escape(ComparisonText.render(c))).append("</pre>\n");
    }
    h.append(t.render());
    notes.add(METHOD);
    h.append("<p id=\"verdict-note\" class=\"note\">")
        .append(escape(String.join(" ", notes)))
        .append("</p>\n");
    if (full.length() > 0) {
      h.append("<details><summary>The whole dawn compare output of each pair</summary>\n")
          .append(full)
          .append("</details>\n");
    }
  }

  /**
   * HTML: what differs between the cells, A's value then B's ({@code momentum} vs {@code lars},
   * keys named when several differ), then what they share ({@code train.batchSize=1024}).
   */
  static String pairLabel(CellPair p, boolean keyInHeader) {
    Map<String, String> av = p.a().values();
    Map<String, String> bv = p.b().values();
    List<String> differing = new ArrayList<>();
    StringJoiner shared = new StringJoiner(", ");
    for (String k : av.keySet()) {
      if (av.get(k).equals(bv.get(k))) {
        shared.add(k + "=" + av.get(k));
      } else {
        differing.add(k);
      }
    }
    bv.keySet().stream().filter(k -> !av.containsKey(k)).forEach(differing::add);
    boolean named = !keyInHeader;
    StringJoiner a = new StringJoiner(", ");
    StringJoiner b = new StringJoiner(", ");
    for (String k : differing) {
      a.add((named ? k + "=" : "") + av.getOrDefault(k, "(any)"));
      b.add((named ? k + "=" : "") + bv.getOrDefault(k, "(any)"));
    }
    return "A <strong>"
        + escape(a.toString())
        + "</strong> vs B <strong>"
        + escape(b.toString())
        + "</strong>"
        + (shared.length() == 0 ? "" : " at <code>" + escape(shared.toString()) + "</code>");
  }

  /** The keys A and B differ in, over all pairs. */
  private static Set<String> differing(SweepView view) {
    Set<String> keys = new LinkedHashSet<>();
    for (SweepView.Pair p : view.pairs()) {
      Map<String, String> a = p.cells().a().values();
      Map<String, String> b = p.cells().b().values();
      a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).forEach(keys::add);
      b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    }
    return keys;
  }

  /** True when every pair differs in the same one key: it is named once, in the header. */
  private static boolean oneKey(SweepView view) {
    return differing(view).size() == 1;
  }

  private static String differingKeys(SweepView view) {
    return oneKey(view) ? " (" + differing(view).iterator().next() + ")" : "";
  }

  /** HTML: side A's median over side B's, as {@code dawn compare} prints them. */
  private static String versus(Optional<MetricComparison> m, CompareMetric metric) {
    return m.map(
            c ->
                "A "
                    + escape(ComparisonText.value(metric, c.medianA()))
                    + "<br>B "
                    + escape(ComparisonText.value(metric, c.medianB())))
        .orElse("");
  }
}
