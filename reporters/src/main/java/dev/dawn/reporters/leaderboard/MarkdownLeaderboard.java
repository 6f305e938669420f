package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Submission;
import java.util.List;
import java.util.function.Predicate;

/**
 * Renders tables as GitHub Markdown: {@code ## <Dataset> — <Kind>}, then a table whose first column
 * is the rank and second the displayed figure. Cell text is escaped so entry strings cannot break
 * the table.
 */
public final class MarkdownLeaderboard {
  private MarkdownLeaderboard() {}

  public static String render(List<LeaderboardTable> tables) {
    return render(tables, s -> false);
  }

  /**
   * As {@link #render(List)}, with the rows of {@code ours} marked "ours" in the rank column and in
   * bold.
   */
  public static String render(List<LeaderboardTable> tables, Predicate<Submission> ours) {
    StringBuilder out = new StringBuilder();
    for (LeaderboardTable t : tables) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(render(t, ours));
    }
    return out.toString();
  }

  public static String render(LeaderboardTable table) {
    return render(table, s -> false);
  }

  public static String render(LeaderboardTable table, Predicate<Submission> ours) {
    StringBuilder out = new StringBuilder("## ").append(table.title()).append("\n\n");
    if (table.rows().isEmpty()) {
      return out.append("_No entries._\n").toString();
    }
    out.append("| Rank | ")
        .append(cell(table.figureLabel()))
        .append(" | Date | Model | Author | Hardware | Framework | Source | File |\n");
    out.append("|---:|---:|---|---|---|---|---|---|---|\n");
    for (LeaderboardRow r : table.rows()) {
      Submission s = r.submission();
      boolean mine = ours.test(s);
      out.append("| ")
          .append(mine ? "**" + r.rank() + " (ours)**" : String.valueOf(r.rank()))
          .append(" | ")
          .append(mine ? "**" + cell(r.figure()) + "**" : cell(r.figure()))
          .append(" | ")
          .append(cell(r.date()))
          .append(" | ")
          .append(cell(s.model()))
          .append(" | ")
          .append(cell(s.author()))
          .append(" | ")
          .append(cell(s.hardware()))
          .append(" | ")
          .append(cell(s.framework()))
          .append(" | ")
          .append(s.codeURL().map(MarkdownLeaderboard::link).orElse(""))
          .append(" | ")
          .append(cell(s.file().getFileName().toString()))
          .append(" |\n");
    }
    return out.toString();
  }

  /** Title of the table of our runs that are not DAWNBench entries (never ranked). */
  public static final String NOT_COMPARABLE_TITLE =
      "Not DAWNBench-comparable (our runs, not ranked)";

  /**
   * Our runs that are not DAWNBench entries, apart from the ranked tables: format, figure, model,
   * file and reason. Empty text when there are none.
   */
  public static String renderNotComparable(List<NotComparableRow> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder("## ")
            .append(NOT_COMPARABLE_TITLE)
            .append("\n\n")
            .append(
                "These runs did not run the DAWNBench task, so their figures are not comparable with the"
                    + " entries above.\n\n")
            .append(
                "| Format | Figure | Model | File | Why not an entry |\n|---|---:|---|---|---|\n");
    for (NotComparableRow r : rows) {
      out.append("| ")
          .append(cell(r.format()))
          .append(" | ")
          .append(cell(r.figure()))
          .append(" | ")
          .append(cell(r.submission().model()))
          .append(" | ")
          .append(cell(r.submission().file().toString()))
          .append(" | ")
          .append(cell(r.reason()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String link(String url) {
    // Only web links become links; anything else is shown as inert text.
    if (url.startsWith("http://") || url.startsWith("https://")) {
      return "[source](<" + url.replace(">", "%3E").replace("<", "%3C").replace(" ", "%20") + ">)";
    }
    return cell(url);
  }

  /**
   * Markdown-escapes one table cell: pipes, backslashes, HTML-significant characters and line
   * breaks.
   */
  static String cell(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.strip().toCharArray()) {
      switch (c) {
        case '|' -> b.append("\\|");
        case '\\' -> b.append("\\\\");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '*', '_', '`', '[', ']' -> b.append('\\').append(c);
        case '\n', '\r', '\t' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
