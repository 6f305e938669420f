package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.html.HtmlTable.Cell;
import dev.dawn.reporters.sweep.CellSummary;
import dev.dawn.reporters.sweep.SweepAxes;
import dev.dawn.reporters.sweep.SweepFiles;
import dev.dawn.reporters.sweep.SweepRun;
import dev.dawn.reporters.sweep.SweepTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    SweepVerdict.append(h, view);
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
