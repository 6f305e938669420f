package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.charts.ChartEncoder;
import dev.dawn.reporters.csv.CsvTable;
import dev.dawn.reporters.dawnbench.PythonFloatFormat;
import dev.dawn.reporters.sweep.SweepFiles;
import dev.dawn.reporters.sweep.SweepResults;
import dev.dawn.reporters.sweep.SweepRun;
import dev.dawn.reporters.sweep.SweepTables;
import java.nio.file.Path;
import java.util.List;

/**
 * The report's section for sweep folders: each sweep's per-cell summary table and its
 * time-to-target charts.
 */
final class SweepSection {
  private SweepSection() {}

  static void append(StringBuilder h, List<Path> sweeps) {
    if (sweeps.isEmpty()) {
      return;
    }
    h.append(
            "<h2>Sweeps</h2>\n<p>Per cell: training seconds to the target over its repeats. A run that missed the")
        .append(
            " target counts as infinitely slow: an empty cell is a statistic made infinite by a miss.")
        .append(
            " The interval is the 95% bootstrap interval of the median; best_accuracy_median is")
        .append(
            " the median of each run's highest accuracy on the target's metric, reached or not.</p>\n");
    int n = 0;
    for (Path dir : sweeps) {
      List<SweepRun> runs = SweepResults.read(dir);
      h.append("<h3><code>")
          .append(escape(String.valueOf(dir.getFileName())))
          .append("</code>: ")
          .append(runs.size())
          .append(runs.size() == 1 ? " run" : " runs")
          .append("</h3>\n");
      if (runs.isEmpty()) {
        continue;
      }
      table(h, SweepTables.summary(runs), "sweep-" + n);
      int c = 0;
      for (var chart : SweepFiles.charts(runs).values()) {
        h.append(ChartEncoder.inlineSvg(chart, "sweep" + n + "c" + c++ + "-")).append('\n');
      }
      n++;
    }
  }

  private static void table(StringBuilder h, CsvTable table, String id) {
    h.append("<table id=\"").append(id).append("\">\n<thead><tr>");
    table.columns().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : table.rows()) {
      h.append("<tr>");
      for (Object cell : row) {
        boolean number = cell instanceof Number;
        String text =
            cell == null
                ? ""
                : cell instanceof Double d ? PythonFloatFormat.repr(d) : cell.toString();
        h.append(number ? "<td class=\"num\">" : "<td>").append(escape(text)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }
}
