package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.html.HtmlTable.Cell;
import dev.dawn.reporters.run.RunDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The config and environment keys whose values differ between runs. With a few runs the runs are
 * the columns; with more, a run per row and a key per column (a sweep differs in a handful of keys
 * over many runs), folded so the page stays short.
 */
final class DiffSection {
  /** Up to this many runs, runs are columns. */
  static final int RUNS_AS_COLUMNS = 4;

  private DiffSection() {}

  static void config(StringBuilder h, List<RunDirectory> runs) {
    h.append("<h2>Config differences</h2>\n");
    if (runs.size() < 2) {
      h.append("<p>Only one run: nothing to compare.</p>\n");
      return;
    }
    List<ConfigDiff.Row> rows = ConfigDiff.differing(maps(runs, RunDirectory::config));
    if (rows.isEmpty()) {
      h.append("<p id=\"config-same\">All runs have the same effective config.</p>\n");
      return;
    }
    h.append(table("config-diff", runs, rows, List.of()));
  }

  static void environment(StringBuilder h, List<RunDirectory> runs) {
    h.append("<h2>Environment</h2>\n");
    List<Map<String, String>> envs = maps(runs, RunDirectory::environment);
    List<ConfigDiff.Row> rows = runs.size() < 2 ? List.of() : ConfigDiff.differing(envs);
    if (rows.isEmpty()) {
      h.append("<p>")
          .append(runs.size() < 2 ? "One run." : "Same environment for all runs.")
          .append("</p>\n");
    } else {
      h.append(table("environment-diff", runs, rows, RunDirectory.MACHINE_KEYS));
    }
    List<String> same = ConfigDiff.same(envs);
    if (!same.isEmpty()) {
      HtmlTable t = new HtmlTable("environment-same", List.of("Key", "Value"));
      same.forEach(k -> t.row(List.of(Cell.code(k), Cell.text(envs.get(0).get(k)))));
      h.append(
          t.folded(
              (runs.size() < 2 ? "Environment" : "Identical on all runs")
                  + " ("
                  + same.size()
                  + " keys)",
              false));
    }
  }

  private static List<Map<String, String>> maps(
      List<RunDirectory> runs, Function<RunDirectory, Map<String, String>> map) {
    return runs.stream().map(map).toList();
  }

  /** Keys in {@code highlighted} that differ get a highlighted row (runs as columns) or header. */
  private static String table(
      String id, List<RunDirectory> runs, List<ConfigDiff.Row> rows, List<String> highlighted) {
    if (runs.size() <= RUNS_AS_COLUMNS) {
      StringBuilder h = new StringBuilder("<table id=\"").append(id).append("\">\n<thead><tr>");
      h.append("<th>Key</th>");
      runs.forEach(r -> h.append("<th><code>").append(escape(r.id())).append("</code></th>"));
      h.append("</tr></thead>\n<tbody>\n");
      for (ConfigDiff.Row row : rows) {
        h.append(highlighted.contains(row.key()) ? "<tr class=\"differs\">" : "<tr>")
            .append("<th><code>")
            .append(escape(row.key()))
            .append("</code></th>");
        row.values().forEach(v -> h.append("<td>").append(value(v)).append("</td>"));
        h.append("</tr>\n");
      }
      return h.append("</tbody>\n</table>\n").toString();
    }
    List<String> header = new ArrayList<>(List.of("Run"));
    rows.forEach(r -> header.add(r.key()));
    HtmlTable t = new HtmlTable(id, header);
    for (int i = 0; i < runs.size(); i++) {
      List<Cell> cells = new ArrayList<>(List.of(Cell.code(runs.get(i).id())));
      for (ConfigDiff.Row row : rows) {
        cells.add(Cell.html(value(row.values().get(i)), null));
      }
      t.row(cells);
    }
    return t.folded(
        rows.size() + " keys differ over " + runs.size() + " runs (a run per row)", false);
  }

  private static String value(String v) {
    return v == null ? "<em>absent</em>" : escape(v);
  }
}
