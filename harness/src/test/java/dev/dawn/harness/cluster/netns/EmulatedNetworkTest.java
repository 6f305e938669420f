package dev.dawn.harness.cluster.netns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.run.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several hosts on one machine: each worker of an emulated network has its own namespace and
 * address, reachable from the other workers and from nothing else; its link is capped at the rate
 * (a transfer takes at least its size over the rate); two networks side by side have their own
 * names and subnets; everything goes when the network is closed, when its JVM gets SIGTERM, and
 * after {@code kill -9} when the next network is made. Skipped, with the reason, where the
 * namespaces, veth links or tc rate caps cannot be made (not root, no tc, no tbf); CI runs as root.
 */
class EmulatedNetworkTest {
  private static final long MBIT = 1_000_000L;
  private static final int PORT = 2222;
  private static final ChildProcesses CHILDREN = new ChildProcesses();

  @BeforeAll
  static void emulatedNetworksCanBeMade() {
    EmulatedNetworkOrSkip.assumeAvailable();
  }

  @AfterEach
  void stopChildren() throws InterruptedException {
    CHILDREN.stopAll();
  }

  @Test
  void eachWorkerHasItsOwnAddressReachableFromTheOtherWorkersAlone() throws Exception {
    try (EmulatedNetwork net = EmulatedNetwork.open(3, 100 * MBIT)) {
      List<String> hosts = net.hosts();
      assertThat(hosts).hasSize(3).doesNotHaveDuplicates();
      for (int i = 0; i < 3; i++) {
        String addresses =
            CHILDREN.output(net.worker(i).enter(List.of("ip", "-o", "-4", "addr", "show")));
        assertThat(addresses).contains(hosts.get(i) + "/24").doesNotContain(hosts.get((i + 1) % 3));
      }
      listen(net.worker(0));
      assertThat(reaches(List.of(), hosts.get(0))).as("from this machine's network").isFalse();
      assertThat(reaches(List.of(), "127.0.0.1")).as("at this machine's loopback").isFalse();
      assertThat(reaches(net.worker(2).prefix(), hosts.get(0))).as("from worker 2").isTrue();
    }
  }

  @Test
  void aTransferBetweenTwoWorkersTakesAtLeastItsSizeOverTheRate() throws Exception {
    long rate = 20 * MBIT;
    long bytes = 2_500_000L;
    try (EmulatedNetwork net = EmulatedNetwork.open(2, rate)) {
      listen(net.worker(0));
      long ms = send(net.worker(1), net.hosts().get(0), bytes);
      // Every byte crossed the cap between the first write and the answer; only a full bucket
      // passes at once. Frame headers only add to the time.
      double floorMs = (bytes - new TokenBucket(rate).burstBytes()) * 8.0 / rate * 1000;
      assertThat((double) ms)
          .as("ms to send %d bytes at %d bit/s", bytes, rate)
          .isGreaterThan(floorMs);
    }
  }

  @Test
  void twoNetworksSideBySideHaveTheirOwnNamesAndSubnetsAndGoWhenClosed() throws Exception {
    List<String> names = new ArrayList<>();
    try (EmulatedNetwork a = EmulatedNetwork.open(2, 100 * MBIT);
        EmulatedNetwork b = EmulatedNetwork.open(2, 100 * MBIT)) {
      assertThat(a.name()).isNotEqualTo(b.name());
      assertThat(subnet(a.hosts().get(0))).isNotEqualTo(subnet(b.hosts().get(0)));
      for (EmulatedNetwork net : List.of(a, b)) {
        names.add(net.name());
        assertThat(namespacesOf(net.name())).hasSize(3); // the switch and two workers
        listen(net.worker(0));
        assertThat(reaches(net.worker(1).prefix(), net.hosts().get(0))).isTrue();
      }
    }
    for (String name : names) assertThat(namespacesOf(name)).as(name + " after close").isEmpty();
  }

  @Test
  void sigtermRemovesTheNetworkAndKillNineLeavesItToTheNext() throws Exception {
    Process child =
        CHILDREN.start(
            ChildJvm.command(NamespaceHolder.class.getName(), List.of("120", "emulated")));
    String name = ChildProcesses.firstLine(child).replace("namespace ", "");
    assertThat(namespacesOf(name)).hasSize(3);
    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor())
        .isZero();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM ends it").isTrue();
    assertThat(namespacesOf(name)).as("after SIGTERM").isEmpty();

    Process killed =
        CHILDREN.start(
            ChildJvm.command(NamespaceHolder.class.getName(), List.of("120", "emulated")));
    String left = ChildProcesses.firstLine(killed).replace("namespace ", "");
    killed.destroyForcibly(); // kill -9: no shutdown hook runs
    killed.waitFor(30, TimeUnit.SECONDS);
    assertThat(namespacesOf(left)).hasSize(3);
    try (EmulatedNetwork next = EmulatedNetwork.open(1, 100 * MBIT)) {
      assertThat(namespacesOf(left)).as("after the next network was made").isEmpty();
      assertThat(namespacesOf(next.name())).hasSize(2);
    }
  }

  @Test
  void networksMadeAtTheSameInstantByThreeProcessesGetThreeSubnets() throws Exception {
    List<Process> holders = new ArrayList<>();
    for (int i = 0; i < 3; i++)
      holders.add(
          CHILDREN.start(
              ChildJvm.command(NamespaceHolder.class.getName(), List.of("120", "emulated"))));
    List<String> subnets = new ArrayList<>();
    for (Process p : holders) {
      String name = ChildProcesses.firstLine(p).replace("namespace ", "");
      subnets.add(name.substring(name.lastIndexOf("-net")));
    }
    assertThat(subnets).doesNotHaveDuplicates();
    for (Process p : holders) {
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM ends it").isTrue();
    }
  }

  @Test
  void aSubnetHeldByAnotherNetworkIsNotTakenAgain() throws Exception {
    assertThat(EmulatedNetwork.freeSubnet("")).isZero();
    assertThat(
            EmulatedNetwork.freeSubnet(
                "dawn-12-1-net0 (id: 3)\ndawn-12-1-net0-w0\ndawn-13-4-net1\nother-net2\ndawn-9-2"))
        .isEqualTo(2);
  }

  private static int subnet(String host) {
    Matcher m = Pattern.compile("10\\.231\\.(\\d+)\\.\\d+").matcher(host);
    assertThat(m.matches()).as(host).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static void listen(NetworkNamespace ns) throws IOException {
    CHILDREN.startListener(ns, ByteSink.class, Integer.toString(PORT), "120");
  }

  /**
   * Whether a process started with {@code prefix} (entering a namespace, or none) gets the {@link
   * ByteSink}'s answer from {@code host} within 5 s: a connection alone proves nothing, as a
   * transparent proxy on this machine's own network may accept it.
   */
  private static boolean reaches(List<String> prefix, String host) throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        ChildJvm.command(
            ByteSource.class.getName(), List.of(host, Integer.toString(PORT), "1", "5")));
    Process p = CHILDREN.start(command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return p.exitValue() == 0 && out.contains("sent 1 in");
  }

  private static long send(NetworkNamespace from, String host, long bytes) throws Exception {
    String out =
        CHILDREN
            .output(
                from.enter(
                    ChildJvm.command(
                        ByteSource.class.getName(),
                        List.of(host, Integer.toString(PORT), Long.toString(bytes)))))
            .strip();
    Matcher m = Pattern.compile("sent \\d+ in (\\d+) ms").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The namespaces in {@code ip netns list} named {@code name} or {@code name-...}. */
  private static List<String> namespacesOf(String name) throws Exception {
    return CHILDREN.namedNamespaces().stream()
        .filter(n -> n.equals(name) || n.startsWith(name + "-"))
        .toList();
  }
}
