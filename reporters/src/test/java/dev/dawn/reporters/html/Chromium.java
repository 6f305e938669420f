package dev.dawn.reporters.html;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for report tests: one process per call, a fresh profile, no network services, a
 * bounded wait; skipped with a message when the browser is not installed.
 */
final class Chromium {
  static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  /** Longest a page may take to load and print. */
  static final int TIMEOUT_SECONDS = 120;

  record Result(int exit, String stdout, String stderr) {}

  private Chromium() {}

  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(BINARY),
        "headless Chromium not installed at "
            + BINARY
            + ": install the Debian package 'chromium' (.ci/run does) or set CHROMIUM to its path");
  }

  static Result run(Path tmp, String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
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
}
