package dev.dawn.reporters.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dawn.reporters.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison report opened in real headless Chromium: the DOM it builds, its console, a
 * screenshot.
 */
class ChromiumReportTest {
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @TempDir static Path tmp;
  static Path report;

  @BeforeAll
  static void render() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "headless Chromium not installed at "
            + CHROMIUM
            + ": install the Debian package 'chromium' (.ci/run does) or set CHROMIUM to its path");
    List<RunDirectory> runs = ReportRuns.two(tmp);
    report = tmp.resolve("report.html");
    Files.writeString(report, ComparisonReport.render(runs, report));
  }

  record Result(int exit, String stdout, String stderr) {}

  static Result chromium(String... args) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Console messages and uncaught errors as Chromium logs them with --enable-logging=stderr. */
  static List<String> consoleLines(String stderr) {
    return stderr.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
  }

  @Test
  void domHoldsTheTablesAndNoScriptOrConsoleError() throws Exception {
    Result r = chromium("--dump-dom", report.toUri().toString());
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
    assertThat(dom.split("<svg", -1)).hasSize(1 + 3); // accuracy, loss, learning rate
    assertThat(consoleLines(r.stderr())).isEmpty();
  }

  @Test
  void consoleCheckCatchesErrorsOnAPageThatHasThem() throws Exception {
    Path bad = tmp.resolve("bad.html");
    Files.writeString(
        bad,
        "<!DOCTYPE html><html><body><script>console.error('boom'); undefinedFn();</script></body></html>");
    Result r = chromium("--dump-dom", bad.toUri().toString());
    assertThat(consoleLines(r.stderr())).isNotEmpty();
  }

  @Test
  void screenshotIsKeptInTarget() throws Exception {
    Path shot = Path.of("target/report-screenshot.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    Result r =
        chromium("--screenshot=" + shot, "--window-size=1280,2000", report.toUri().toString());
    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(shot).isRegularFile();
    assertThat(Files.size(shot)).isGreaterThan(20_000);
    assertThat(consoleLines(r.stderr())).isEmpty();
  }
}
