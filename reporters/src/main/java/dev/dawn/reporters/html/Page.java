package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.run.RunDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of the report page: head, inline style, the warning for runs measured on different
 * machines. The style keeps everything within the window: cells wrap anywhere, images scale down,
 * small multiples reflow, legends wrap.
 */
final class Page {
  static final String CSS =
      """
      *{box-sizing:border-box}
      body{font-family:system-ui,sans-serif;margin:1em auto;padding:0 1em;max-width:1320px;color:#222;line-height:1.35}
      h1{font-size:1.4em;margin:.1em 0 .3em}
      h2{font-size:1.2em;margin:1.1em 0 .4em;padding-bottom:.1em;border-bottom:1px solid #ddd}
      section.sweep h2{margin-top:.4em}
      p{margin:.4em 0 .6em}
      h3{font-size:1.05em;margin:1em 0 .4em}
      h1,h2,h3,p,figcaption,summary,li{overflow-wrap:anywhere}
      table{border-collapse:collapse;margin:0 0 1em;max-width:100%}
      th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
      th{background:#f3f3f3}
      code{font-size:90%;overflow-wrap:anywhere}
      .warning{border:2px solid #c00;background:#fee;padding:.5em 1em;margin:1em 0}
      .note{color:#555}
      .status-success{color:#070}.status-killed,.status-diverged,.status-failed{color:#b00}
      tr.differs td{background:#fff6d5}
      tr.group th{background:#e8eef5;font-weight:normal}
      tr.marked td{background:#fdecea}
      td.mark{color:#a00;font-weight:600}
      ul.marks{color:#a00;margin:.2em 0 .8em}
      td.setting{min-width:10em}
      #inference td.mark{min-width:11em}
      tr.missed td{color:#666}
      #verdict td:first-child{min-width:12em}
      #verdict small{color:#555}
      figure{margin:0 0 1.2em;max-width:100%}
      figure.wide{max-width:1200px}
      figcaption{font-weight:600;margin:0 0 .3em}
      figure img{display:block;width:100%;height:auto}
      .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:.5em 1.5em}
      figure.small{max-width:440px}
      td.short,.nowrap{white-space:nowrap;overflow-wrap:normal}
      td small{display:block;color:#555}
      ul.legend{list-style:none;padding:0;margin:.3em 0 0;display:flex;flex-wrap:wrap;gap:.15em 1.2em;font-size:88%}
      .swatch{display:inline-block;width:1.6em;border-top:3px solid;vertical-align:middle;margin-right:.4em}
      .swatch.dashed{border-top-style:dashed}
      pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7f7f7;padding:.5em;font-size:85%}
      details{margin:0 0 1em}
      summary{cursor:pointer;color:#036}
      """;

  private Page() {}

  static void open(StringBuilder h, String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
  }

  static String close(StringBuilder h) {
    return h.append("</body>\n</html>\n").toString();
  }

  /** A red box when runs were measured on machines whose CPU, cores or memory differ. */
  static void comparability(StringBuilder h, List<RunDirectory> runs) {
    List<String> problems = new ArrayList<>();
    for (String key : RunDirectory.MACHINE_KEYS) {
      List<String> values =
          runs.stream().map(r -> r.environment().getOrDefault(key, "(unknown)")).toList();
      if (values.stream().distinct().count() > 1) {
        StringBuilder p = new StringBuilder("<li><code>").append(escape(key)).append("</code>: ");
        for (int i = 0; i < runs.size(); i++) {
          p.append(i == 0 ? "" : "; ")
              .append(escape(values.get(i)))
              .append(" (")
              .append(escape(runs.get(i).id()))
              .append(')');
        }
        problems.add(p.append("</li>").toString());
      }
    }
    if (!problems.isEmpty()) {
      h.append("<div class=\"warning\" id=\"not-comparable\"><strong>Not comparable:</strong>")
          .append(" these runs were measured on different machines, so their times and costs")
          .append(" cannot be compared directly.\n<ul>\n");
      problems.forEach(p -> h.append(p).append('\n'));
      h.append("</ul></div>\n");
    }
  }
}
