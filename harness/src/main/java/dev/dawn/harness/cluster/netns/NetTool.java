package dev.dawn.harness.cluster.netns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network tool ({@code ip} and {@code tc} from iproute2) run as a child process with a time
 * limit. Its output is returned on success; a failure, a missing tool or a tool that hangs is a
 * {@link NamespaceException} naming the command and the tool's first line.
 *
 * @param program the tool, found on {@code PATH}
 */
public record NetTool(String program) {
  /** iproute2's {@code ip}: namespaces, links and addresses. */
  public static final NetTool IP = new NetTool("ip");

  /** iproute2's {@code tc}: queueing disciplines, which cap a link's rate. */
  public static final NetTool TC = new NetTool("tc");

  /** No namespace operation takes long; a tool that hangs (a wedged mount) must not hang dawn. */
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  /**
   * Runs {@code program args...} and returns its output (stdout and stderr).
   *
   * @throws NamespaceException when it cannot start, exits non-zero or outlives {@link #TIMEOUT}
   */
  public String run(String... args) throws NamespaceException {
    List<String> command = new ArrayList<>(List.of(program));
    command.addAll(List.of(args));
    return run(command);
  }

  static String run(List<String> command) throws NamespaceException {
    String shown = String.join(" ", command);
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new NamespaceException(shown + ": cannot run " + command.get(0) + " (not installed?)");
    }
    try {
      p.getOutputStream().close();
      byte[] out = readAll(p.getInputStream(), p);
      if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new NamespaceException(shown + ": no answer within " + TIMEOUT.toSeconds() + " s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new NamespaceException(shown + ": " + firstLine(text, p.exitValue()));
      }
      return text;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new NamespaceException(shown + ": interrupted");
    } catch (IOException e) {
      p.destroyForcibly();
      throw new NamespaceException(shown + ": " + e.getMessage());
    }
  }

  /**
   * The output, read on this thread; a tool that keeps its pipe open past the time limit is killed,
   * which closes it.
   */
  private static byte[] readAll(InputStream in, Process p) throws IOException {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) p.destroyForcibly();
              } catch (InterruptedException done) {
                // the output ended first
              }
            },
            "dawn-net-tool-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      return in.readAllBytes();
    } finally {
      watchdog.interrupt();
    }
  }

  static String firstLine(String text, int exitCode) {
    String line = text.strip().lines().findFirst().orElse("").strip();
    return line.isEmpty() ? "exit status " + exitCode : line;
  }
}
