package dev.dawn.reporters.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison report opened in real headless Chromium: the DOM it builds, its console, a
 * screenshot. {@link ReportLayoutTest} checks the layout of real reports.
 */
class ChromiumReportTest {
  @TempDir static Path tmp;
  static Path report;

  @BeforeAll
  static void render() throws IOException {
    Chromium.assumeInstalled();
    List<RunDirectory> runs = ReportRuns.two(tmp);
    report = tmp.resolve("report.html");
    Files.writeString(report, ComparisonReport.render(runs, report));
  }

  @Test
  void domHoldsTheTablesAndNoScriptOrConsoleError() throws Exception {
    Chromium.Result r = Chromium.run(tmp, "--dump-dom", report.toUri().toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    String dom = r.stdout();
    assertThat(dom)
        .contains("<table id=\"summary\">")
        .contains("<td class=\"num\">3:00:00</td>")
        .contains("<td class=\"num\">$9.18</td>")
        .contains("id=\"not-comparable\"")
        .contains("<td>256</td><td>512</td>");
    // Hostile strings stayed text: the parsed DOM has no script element and no injected tags.
    assertThat(dom)
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("<b>bold")
        .doesNotContain("<i>")
        .contains("Eve &lt;script&gt;alert(\"author\")&lt;/script&gt; O'Neil");
    assertThat(dom.split("<img ", -1)).hasSize(1 + 3); // accuracy, loss, learning rate
    assertThat(Chromium.consoleLines(r.stderr())).isEmpty();
  }

  @Test
  void consoleCheckCatchesErrorsOnAPageThatHasThem() throws Exception {
    Path bad = tmp.resolve("bad.html");
    Files.writeString(
        bad,
        "<!DOCTYPE html><html><body><script>console.error('boom'); undefinedFn();</script></body></html>");
    Chromium.Result r = Chromium.run(tmp, "--dump-dom", bad.toUri().toString());
    assertThat(Chromium.consoleLines(r.stderr())).isNotEmpty();
  }

  @Test
  void screenshotIsKeptInTarget() throws Exception {
    Path shot = Path.of("target/report-screenshot.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    Chromium.Result r =
        Chromium.run(
            tmp, "--screenshot=" + shot, "--window-size=1280,2000", report.toUri().toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(shot).isRegularFile();
    assertThat(Files.size(shot)).isGreaterThan(20_000);
    assertThat(Chromium.consoleLines(r.stderr())).isEmpty();
  }
}
