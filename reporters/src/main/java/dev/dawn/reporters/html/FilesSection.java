package dev.dawn.reporters.html;

import static dev.dawn.reporters.html.text.HtmlText.escape;

import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFolder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Relative links to each run's files, folded when there are many runs. */
final class FilesSection {
  private FilesSection() {}

  static void append(StringBuilder h, List<RunDirectory> runs, Path base) {
    StringBuilder list = new StringBuilder("<ul id=\"files\">\n");
    for (RunDirectory r : runs) {
      String basename = r.record().entry().fileBasename();
      List<String> names =
          List.of(
              RunFolder.EVENTS,
              RunFolder.CONFIG,
              RunFolder.ENVIRONMENT,
              basename + ".tsv",
              basename + ".json",
              RunFolder.METRICS_CSV,
              RunExporter.ACCURACY_PNG);
      list.append("<li><code>").append(escape(r.id())).append("</code>:");
      for (String name : names) {
        Path f = r.dir().resolve(name);
        if (Files.isRegularFile(f)) {
          list.append(" <a href=\"")
              .append(escape(relativeUrl(base, f)))
              .append("\">")
              .append(escape(name))
              .append("</a>");
        }
      }
      list.append("</li>\n");
    }
    list.append("</ul>\n");
    h.append("<h2>Files</h2>\n");
    if (runs.size() > RunSummarySection.OPEN_ROWS) {
      h.append("<details><summary>Files of ")
          .append(runs.size())
          .append(" runs</summary>\n")
          .append(list)
          .append("</details>\n");
    } else {
      h.append(list);
    }
  }

  /** A relative URL from the report's folder, each path segment percent-encoded. */
  static String relativeUrl(Path base, Path file) {
    Path rel = base.relativize(file.toAbsolutePath().normalize());
    String path = rel.toString().replace(java.io.File.separatorChar, '/');
    try {
      return new URI(null, null, path, null).getRawPath().replace("?", "%3F").replace("#", "%23");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot link " + file + " from " + base, e);
    }
  }
}
