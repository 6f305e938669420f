package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Submission;
import java.util.List;
import java.util.function.Predicate;

/**
 * Renders tables as a standalone HTML5 page. Every string from an entry file is HTML-escaped, and
 * only http(s) {@code codeURL}s become links (no {@code javascript:}).
 */
public final class HtmlLeaderboard {
  private HtmlLeaderboard() {}

  public static String render(String title, List<LeaderboardTable> tables) {
    return render(title, tables, s -> false);
  }

  /**
   * As {@link #render(String, List)}, with the rows of {@code ours} highlighted and labelled
   * "ours".
   */
  public static String render(
      String title, List<LeaderboardTable> tables, Predicate<Submission> ours) {
    return render(title, tables, ours, List.of());
  }

  /** As above, plus a last table of our runs that are not DAWNBench entries (none: no table). */
  public static String render(
      String title,
      List<LeaderboardTable> tables,
      Predicate<Submission> ours,
      List<NotComparableRow> notComparable) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
        .append(
            "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}td.num{text-align:right}tr.ours td{background:#e6f4ff;font-weight:bold}\n")
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    for (LeaderboardTable t : tables) {
      out.append(render(t, ours));
    }
    if (!notComparable.isEmpty()) {
      out.append("<h2>")
          .append(escape(MarkdownLeaderboard.NOT_COMPARABLE_TITLE))
          .append("</h2>\n")
          .append(
              "<p>These runs did not run the DAWNBench task, so their figures are not comparable with the"
                  + " entries above.</p>\n<table>\n<thead><tr><th>Format</th><th>Figure</th><th>Model</th>"
                  + "<th>File</th><th>Why not an entry</th></tr></thead>\n<tbody>\n");
      for (NotComparableRow r : notComparable) {
        out.append("<tr><td>")
            .append(escape(r.format()))
            .append("</td><td class=\"num\">")
            .append(escape(r.figure()))
            .append("</td><td>")
            .append(escape(r.submission().model()))
            .append("</td><td>")
            .append(escape(r.submission().file().toString()))
            .append("</td><td>")
            .append(escape(r.reason()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  public static String render(LeaderboardTable table) {
    return render(table, s -> false);
  }

  public static String render(LeaderboardTable table, Predicate<Submission> ours) {
    StringBuilder out = new StringBuilder("<h2>").append(escape(table.title())).append("</h2>\n");
    if (table.rows().isEmpty()) {
      return out.append("<p>No entries.</p>\n").toString();
    }
    out.append("<table>\n<thead><tr><th>Rank</th><th>")
        .append(escape(table.figureLabel()))
        .append("</th><th>Model</th><th>Hardware</th><th>Framework</th></tr></thead>\n<tbody>\n");
    for (LeaderboardRow r : table.rows()) {
      Submission s = r.submission();
      boolean mine = ours.test(s);
      out.append(mine ? "<tr class=\"ours\">" : "<tr>")
          .append("<td class=\"num\">")
          .append(r.rank())
          .append(mine ? " (ours)" : "")
          .append("<br><small>")
          .append(escape(r.date()))
          .append("</small></td><td class=\"num\">")
          .append(escape(r.figure()))
          .append("</td><td>")
          .append(escape(s.model()))
          .append("<br><small><a href=\"mailto:")
          .append(escape(s.authorEmail()))
          .append("\">")
          .append(escape(s.author()))
          .append("</a>");
      s.codeURL()
          .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
          .ifPresent(u -> out.append(" (<a href=\"").append(escape(u)).append("\">source</a>)"));
      out.append("</small></td><td>")
          .append(escape(s.hardware()))
          .append("</td><td>")
          .append(escape(s.framework()))
          .append("</td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  /**
   * Escapes text for both element content and quoted attribute values (one implementation:
   * HtmlText).
   */
  public static String escape(String text) {
    return dev.dawn.reporters.html.text.HtmlText.escape(text);
  }
}
