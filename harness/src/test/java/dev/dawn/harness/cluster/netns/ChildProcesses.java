package dev.dawn.harness.cluster.netns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.run.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of a namespace test: started with their output read, each waited for with a
 * time limit, and every one still running stopped by {@link #stopAll} after the test.
 */
final class ChildProcesses {
  private final List<Process> started = new ArrayList<>();

  Process start(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    started.add(p);
    return p;
  }

  /**
   * Starts {@code main} with {@code args} in a child JVM inside {@code ns} and waits for its first
   * line, which must be {@code listening}.
   */
  void startListener(NetworkNamespace ns, Class<?> main, String... args) throws IOException {
    Process p = start(ns.enter(ChildJvm.command(main.getName(), List.of(args))));
    assertThat(firstLine(p)).isEqualTo("listening");
  }

  /** The process's first line of output; fails the test when it ends without one. */
  static String firstLine(Process p) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    assertThat(line).as("first line of process " + p.pid()).isNotNull();
    return line;
  }

  /** Runs {@code command} to its end (at most 120 s) and returns its output; it must succeed. */
  String output(List<String> command) throws Exception {
    Process p = start(command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** The names in {@code ip netns list}. */
  List<String> namedNamespaces() throws Exception {
    return output(List.of("ip", "netns", "list"))
        .lines()
        .map(l -> l.strip().split("\\s+")[0])
        .toList();
  }

  void stopAll() throws InterruptedException {
    for (Process p : started) p.destroyForcibly();
    for (Process p : started) p.waitFor(30, TimeUnit.SECONDS);
    started.clear();
  }
}
