package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of the report: a header row and rows of cells, every text cell escaped. The page's CSS
 * lets cells wrap anywhere, so a table never runs off the page; a long one can be folded into a
 * {@code <details>}.
 */
final class HtmlTable {
  private final String id;
  private final List<String> header;
  private final List<String> rows = new ArrayList<>();

  /** One cell: its HTML and its class ({@code num} right-aligns figures), or none. */
  record Cell(String html, String cssClass) {
    /** Text, escaped. */
    static Cell text(String text) {
      return new Cell(escape(text), null);
    }

    /** A figure, right-aligned. */
    static Cell num(String text) {
      return new Cell(escape(text), "num");
    }

    /** Text in {@code <code>}, escaped: ids, keys and folders. */
    static Cell code(String text) {
      return new Cell("<code>" + escape(text) + "</code>", null);
    }

    /** Short text (a name, a label) kept on one line, escaped. */
    static Cell shortText(String text) {
      return new Cell(escape(text), "short");
    }

    /** HTML built by the caller, who escaped what came from outside. */
    static Cell html(String html, String cssClass) {
      return new Cell(html, cssClass);
    }
  }

  /** {@code id} may be null; header texts are escaped. */
  HtmlTable(String id, List<String> header) {
    this.id = id;
    this.header = List.copyOf(header);
  }

  HtmlTable row(List<Cell> cells) {
    return row(cells, null);
  }

  /** A row with a class on its {@code <tr>} (e.g. {@code marked}). */
  HtmlTable row(List<Cell> cells, String rowClass) {
    StringBuilder r =
        new StringBuilder(rowClass == null ? "<tr>" : "<tr class=\"" + rowClass + "\">");
    for (Cell c : cells) {
      r.append(c.cssClass() == null ? "<td>" : "<td class=\"" + c.cssClass() + "\">")
          .append(c.html())
          .append("</td>");
    }
    rows.add(r.append("</tr>\n").toString());
    return this;
  }

  /** A row of one cell across every column: a heading for the rows below it. */
  HtmlTable groupRow(String html) {
    rows.add("<tr class=\"group\"><th colspan=\"" + header.size() + "\">" + html + "</th></tr>\n");
    return this;
  }

  String render() {
    StringBuilder h = new StringBuilder("<table");
    if (id != null) {
      h.append(" id=\"").append(escape(id)).append('"');
    }
    h.append(">\n<thead><tr>");
    header.forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    rows.forEach(h::append);
    return h.append("</tbody>\n</table>\n").toString();
  }

  /** The table folded under a summary line, open or closed. */
  String folded(String summary, boolean open) {
    return "<details"
        + (open ? " open" : "")
        + "><summary>"
        + escape(summary)
        + "</summary>\n"
        + render()
        + "</details>\n";
  }
}
