package dev.dawn.harness.cluster.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dawn.harness.run.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Private network namespaces: loopback alone, a port inside unreachable from outside, two side by
 * side with the same port, and torn down on every exit path (close, SIGTERM, SIGINT; after {@code
 * kill -9} by the next one made). Skipped, with the reason, where no namespace can be made (not
 * Linux, not root and no unprivileged user namespaces); CI runs as root.
 */
class PrivateNetworkTest {
  private static final ChildProcesses CHILDREN = new ChildProcesses();

  @BeforeAll
  static void namespacesCanBeMade() {
    NamespacesOrSkip.assumeAvailable();
  }

  @org.junit.jupiter.api.AfterEach
  void stopChildren() throws InterruptedException {
    CHILDREN.stopAll();
  }

  @Test
  void aNamespaceHasLoopbackAloneAndGoesWhenClosed() throws Exception {
    String name;
    try (NetworkNamespace ns = PrivateNetwork.open()) {
      name = ns.name();
      String links = CHILDREN.output(ns.enter(List.of("ip", "-o", "link")));
      assertThat(links.lines()).singleElement().asString().contains(": lo:").contains("UP");
      if (PrivateNetwork.runsAsRoot()) assertThat(CHILDREN.namedNamespaces()).contains(name);
    }
    if (PrivateNetwork.runsAsRoot()) assertThat(CHILDREN.namedNamespaces()).doesNotContain(name);
  }

  @Test
  void twoNamespacesHoldTheSamePortAndNeitherIsReachableFromOutside() throws Exception {
    int port = freeLoopbackPort();
    try (NetworkNamespace a = PrivateNetwork.open();
        NetworkNamespace b = PrivateNetwork.open()) {
      assertThat(a.name()).isNotEqualTo(b.name());
      holdPort(a, port);
      holdPort(b, port); // would fail with "address in use" in one network stack
      assertThat(PortKnock.open("127.0.0.1", port)).as("reachable from outside").isFalse();
      assertThat(knockFrom(a, port)).isEqualTo("open");
      assertThat(knockFrom(b, port)).isEqualTo("open");
    }
  }

  @Test
  void theUnprivilegedWayIsolatesTooAndItsHolderEndsOnClose() throws Exception {
    int port = freeLoopbackPort();
    ProcessHandle holder;
    try (NetworkNamespace ns = PrivateNetwork.openWithoutRoot()) {
      assertThat(ns.name()).startsWith("held by process ");
      holder =
          ProcessHandle.of(Long.parseLong(ns.name().substring(ns.name().lastIndexOf(' ') + 1)))
              .orElseThrow();
      holdPort(ns, port);
      assertThat(PortKnock.open("127.0.0.1", port)).as("reachable from outside").isFalse();
      assertThat(knockFrom(ns, port)).isEqualTo("open");
    }
    holder.onExit().get(30, TimeUnit.SECONDS);
    assertThat(holder.isAlive()).isFalse();
  }

  @Test
  void sigtermAndSigintTearTheNamespaceDown() throws Exception {
    assumeTrue(PrivateNetwork.runsAsRoot(), "skipped: named namespaces (ip netns) need root");
    for (String signal : List.of("TERM", "INT")) {
      Process child =
          CHILDREN.start(ChildJvm.command(NamespaceHolder.class.getName(), List.of("120")));
      String name = ChildProcesses.firstLine(child).replace("namespace ", "");
      assertThat(CHILDREN.namedNamespaces()).contains(name);
      assumeTrue(
          signal.equals("TERM") || !ignores(child.pid(), 2),
          "skipped: SIGINT is ignored in this environment (inherited), so it cannot stop a JVM");
      assertThat(
              new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid()))
                  .start()
                  .waitFor())
          .isZero();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("SIG" + signal + " ends it").isTrue();
      assertThat(CHILDREN.namedNamespaces()).as("after SIG" + signal).doesNotContain(name);
    }
  }

  @Test
  void aNamespaceLeftByAKilledJvmIsRemovedByTheNextOne() throws Exception {
    assumeTrue(PrivateNetwork.runsAsRoot(), "skipped: named namespaces (ip netns) need root");
    Process child =
        CHILDREN.start(ChildJvm.command(NamespaceHolder.class.getName(), List.of("120")));
    String name = ChildProcesses.firstLine(child).replace("namespace ", "");
    child.destroyForcibly(); // kill -9: no shutdown hook runs
    child.waitFor(30, TimeUnit.SECONDS);
    assertThat(CHILDREN.namedNamespaces()).contains(name);
    try (NetworkNamespace next = PrivateNetwork.open()) {
      assertThat(CHILDREN.namedNamespaces()).doesNotContain(name).contains(next.name());
    }
  }

  private static void holdPort(NetworkNamespace ns, int port) throws IOException {
    CHILDREN.startListener(ns, PortHolder.class, Integer.toString(port), "120");
  }

  private static String knockFrom(NetworkNamespace ns, int port) throws Exception {
    return CHILDREN
        .output(
            ns.enter(
                ChildJvm.command(
                    PortKnock.class.getName(), List.of("127.0.0.1", Integer.toString(port)))))
        .strip();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Whether process {@code pid} ignores signal number {@code signal} (Linux: SigIgn). */
  private static boolean ignores(long pid, int signal) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
        return (mask & (1L << (signal - 1))) != 0;
      }
    }
    return false;
  }
}
