package dev.dawn.harness.cluster.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A network namespace made without root, inside a user namespace ({@code unshare --user
 * --map-root-user --net}, where the kernel allows unprivileged user namespaces). A small holder
 * process keeps it alive: it brings loopback up, then reads its standard input until that closes,
 * so it ends when it is closed and also when the JVM that made it dies in any way ({@code kill -9}
 * included: the pipe closes with the JVM). Processes enter it with {@code nsenter}, keeping their
 * own user and group ids.
 */
final class UserNamespace implements NetworkNamespace {
  /** Printed by the holder once loopback is up. */
  private static final String READY = "dawn-namespace-ready";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Process holder;

  private UserNamespace(Process holder) {
    this.holder = holder;
  }

  static UserNamespace create() throws NamespaceException {
    List<String> command =
        List.of(
            "unshare",
            "--user",
            "--map-root-user",
            "--net",
            "--",
            "sh",
            "-c",
            NetTool.IP.program() + " link set lo up && echo " + READY + " && exec cat >/dev/null");
    String shown = "unshare --user --map-root-user --net";
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new NamespaceException(shown + ": cannot run unshare (not installed?)");
    }
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line = out.readLine();
                return line == null ? "" : line;
              } catch (IOException e) {
                return e.getMessage();
              }
            });
    String line;
    try {
      line = first.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      p.destroyForcibly();
      throw new NamespaceException(
          shown + ": no answer within " + START_TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new NamespaceException(shown + ": interrupted");
    }
    if (!READY.equals(line.strip())) {
      p.destroyForcibly();
      throw new NamespaceException(shown + ": " + (line.isBlank() ? "it ended" : line.strip()));
    }
    UserNamespace ns = new UserNamespace(p);
    NamespaceTeardown.opened(ns);
    return ns;
  }

  @Override
  public String name() {
    return "held by process " + holder.pid();
  }

  @Override
  public List<String> prefix() {
    return List.of(
        "nsenter",
        "--target",
        Long.toString(holder.pid()),
        "--user",
        "--net",
        "--preserve-credentials",
        "--");
  }

  @Override
  public void close() {
    if (!NamespaceTeardown.closing(this)) return;
    // Closing its input ends the holder; processes still inside keep the namespace until they exit.
    try {
      holder.getOutputStream().close();
    } catch (IOException alreadyGone) {
      // it ended on its own
    }
    holder.destroy();
  }
}
