package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.compare.CellPair;
import dev.dawn.reporters.compare.CompareMetric;
import dev.dawn.reporters.compare.ComparisonText;
import dev.dawn.reporters.compare.MetricComparison;
import dev.dawn.reporters.compare.RunComparison;
import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.html.HtmlTable.Cell;
import dev.dawn.reporters.sweep.CellSummary;
import dev.dawn.reporters.sweep.SweepAxes;
import dev.dawn.reporters.sweep.SweepFiles;
import dev.dawn.reporters.sweep.SweepRun;
import dev.dawn.reporters.sweep.SweepTables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.knowm.xchart.XYChart;

/**
 * A sweep seen as its question: first the verdict of {@code dawn compare} on each pair of cells
 * (which reaches the target, by how much, how sure), then one row per cell (median and bootstrap
 * interval of time to target, epochs, best accuracy and images/s over the repeats), then charts
 * whose lines are cells, and the runs themselves folded away.
 */
final class SweepSection {
  private SweepSection() {}

  static void append(StringBuilder h, SweepView view, int n) {
    String id = "sweep-" + n;
    h.append("<section class=\"sweep\" id=\"").append(id).append("\">\n");
    h.append("<h2>Sweep <code>")
        .append(escape(view.name()))
        .append("</code>: ")
        .append(view.runs().size())
        .append(" runs, ")
        .append(view.cells().size())
        .append(view.cells().size() == 1 ? " cell" : " cells")
        .append(" \u00d7 up to ")
        .append(view.repeats())
        .append(view.repeats() == 1 ? " repeat" : " repeats")
        .append("</h2>\n");
    if (view.runs().isEmpty()) {
      h.append("<p>No run of this sweep has finished yet.</p>\n</section>\n");
      return;
    }
    h.append("<p>").append(axes(view.runs())).append("</p>\n");
    verdict(h, view, id);
    cells(h, view, id);
    charts(h, view, id);
    runs(h, view, id);
    h.append("</section>\n");
  }

  /** Which keys were swept, and which follow from them. */
  private static String axes(List<SweepRun> runs) {
    List<String> naming = SweepAxes.namingKeys(runs);
    List<String> following =
        SweepTables.keys(runs).stream().filter(k -> !naming.contains(k)).toList();
    StringBuilder s = new StringBuilder("Swept: ");
    s.append(naming.isEmpty() ? "nothing (one cell)" : codes(naming));
    if (!following.isEmpty()) {
      s.append(" (")
          .append(codes(following))
          .append(following.size() == 1 ? " follows" : " follow")
          .append(" from them)");
    }
    s.append('.');
    return s.toString();
  }

  /** How the figures below are read; said once, under the verdict. */
  static final String METHOD =
      "Times are training time to the first evaluation at the target (evaluation excluded),"
          + " H:MM:SS. A cell's median comes with its 95% bootstrap interval over the repeats"
          + " (small, below it). A run that missed the target counts as infinitely slow.";

  private static void verdict(StringBuilder h, SweepView view, String id) {
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
    HtmlTable t = null;
    StringBuilder full = new StringBuilder();
    Set<String> notes = new LinkedHashSet<>(); // said once under the table, not in every row
    for (SweepView.Pair p : view.pairs()) {
      RunComparison c = p.comparison();
      if (t == null) {
        AccuracyTarget target = c != null ? c.target() : null;
        String phrase = target != null ? target.phrase() : "the target";
        t =
            new HtmlTable(
                "verdict",
                List.of(
                    "A vs B" + differingKeys(view),
                    "Reached " + phrase,
                    "Time to target, median",
                    "Best " + (target == null ? "accuracy" : target.metricName()) + ", median",
                    "What dawn compare says"));
      }
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

  private static void cells(StringBuilder h, SweepView view, String id) {
    List<String> keys = SweepTables.keys(view.runs());
    List<String> header = new ArrayList<>(List.of("Cell"));
    header.addAll(keys);
    header.addAll(
        List.of(
            "Reached / runs",
            "Time to target, median",
            "Epochs to target, median",
            "Best accuracy %, median",
            "Images/s, median"));
    HtmlTable t = new HtmlTable(id + "-cells", header);
    for (CellSummary c : view.cells()) {
      List<Cell> cells = new ArrayList<>(List.of(Cell.num(Integer.toString(c.cell()))));
      keys.forEach(k -> cells.add(value(c.values().get(k))));
      cells.add(Cell.num(c.reached() + "/" + c.n()));
      cells.add(Cell.html(ReportFigures.medianHtml(c.seconds(), ReportFigures::seconds), "num"));
      cells.add(Cell.html(ReportFigures.medianHtml(c.epochs(), ReportFigures::epochs), "num"));
      cells.add(
          Cell.html(
              ReportFigures.medianHtml(c.bestAccuracy(), v -> ReportFigures.fixed(v, 2)), "num"));
      cells.add(
          Cell.html(ReportFigures.medianHtml(c.imagesPerSecond(), ReportFigures::rate), "num"));
      t.row(cells, c.reached() == 0 ? "missed" : null);
    }
    h.append("<h3>Cells</h3>\n").append(t.render());
  }

  /** A grid value: kept on one line when short (a name, a number), else wrapping. */
  private static Cell value(Object v) {
    String text = String.valueOf(v);
    return text.length() <= 16 ? Cell.html(escape(text), "short") : Cell.text(text);
  }

  private static void charts(StringBuilder h, SweepView view, String id) {
    Map<String, XYChart> charts = SweepFiles.charts(view.runs());
    if (!charts.isEmpty()) {
      h.append("<h3>Cells against each swept number</h3>\n<div class=\"multiples\">\n");
      charts.forEach((file, chart) -> h.append(Figure.of(chart, Figure.SMALL, id + "-" + file)));
      h.append("</div>\n");
    }
    if (!view.folders().isEmpty()) {
      h.append("<h3>Curves, a colour per cell (its repeats as thin lines)</h3>\n");
      RunChartsSection.append(
          h, view.folders(), r -> view.cellNames().getOrDefault(r.id(), r.id()), id + "-");
    }
  }

  private static void runs(StringBuilder h, SweepView view, String id) {
    HtmlTable t =
        new HtmlTable(
            id + "-runs",
            List.of(
                "Run",
                "Cell",
                "Repeat",
                "Seed",
                "Status",
                "Time to target",
                "Epochs to target",
                "Best accuracy %",
                "Images/s"));
    for (SweepRun r : view.runs()) {
      t.row(
          List.of(
              Cell.code(r.runFolder() == null ? "(no run folder)" : fileName(r.runFolder())),
              Cell.num(Integer.toString(r.cell())),
              Cell.num(Integer.toString(r.repeat())),
              Cell.num(Long.toString(r.seed())),
              Cell.html(
                  "<span class=\"nowrap\">" + escape(r.status()) + "</span>",
                  "status-" + r.status().replaceAll("[^A-Za-z0-9_-]", "")),
              Cell.num(ReportFigures.seconds(r.secondsOrInfinity())),
              Cell.num(
                  ReportFigures.epochs(
                      r.targetEpoch() == null ? Double.POSITIVE_INFINITY : r.targetEpoch())),
              Cell.num(r.bestAccuracy() == null ? "" : ReportFigures.fixed(r.bestAccuracy(), 2)),
              Cell.num(
                  r.imagesPerSecond() == null ? "" : ReportFigures.rate(r.imagesPerSecond()))));
    }
    h.append(
        t.folded("All " + view.runs().size() + " runs of the sweep, in the order they ran", false));
  }

  private static String fileName(String folder) {
    String f = folder.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  private static String codes(List<String> keys) {
    StringJoiner s = new StringJoiner(", ");
    keys.forEach(k -> s.add("<code>" + escape(k) + "</code>"));
    return s.toString();
  }
}
