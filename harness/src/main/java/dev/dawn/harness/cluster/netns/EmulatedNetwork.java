package dev.dawn.harness.cluster.netns;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several hosts on one machine: each worker gets a network namespace of its own ({@code
 * dawn-<pid>-<n>-net<k>-w<i>}, interface {@code eth0}, address {@code 10.231.<k>.<i+1>/24}), and a
 * veth link joins it to a switch (a bridge in a namespace of its own, {@code
 * dawn-<pid>-<n>-net<k>}, so no address of this machine's own network can reach the workers and no
 * process outside the launch can reach their ports). Each link is capped at the same rate in both
 * directions with a {@link TokenBucket}: the worker's side limits what it sends, the switch's side
 * what it receives, as a network card and a switch port of that speed would (the switch's side
 * matters when several workers send to one).
 *
 * <p>What this does not emulate: latency (the {@code netem} qdisc that adds delay is not available
 * on every kernel; a link here adds some tens of microseconds), loss, and separate CPUs: the
 * workers still share this machine's cores.
 *
 * <p>Each launch takes the lowest {@code k} no other dawn network uses, so two launches side by
 * side have distinct subnets as well as distinct namespaces. Picking {@code k} and naming the
 * switch after it happen under a file lock shared by every dawn process on the machine, so two
 * launches started at the same instant cannot pick the same {@code k}. Everything is removed by
 * {@link #close()}, by {@link NamespaceTeardown} when the JVM is stopped, and after {@code kill -9}
 * by the next launch ({@link NamedNamespace#reapStale}).
 */
public final class EmulatedNetwork implements AutoCloseable {
  /** The first two bytes of every emulated network's addresses. */
  static final String PREFIX = "10.231.";

  private static final Pattern SUBNET_IN_NAME =
      Pattern.compile(Pattern.quote(NamedNamespace.PREFIX) + "\\d+-\\d+-net(\\d+)(-[a-z0-9]+)*");

  /** Held while a launch picks its subnet and makes the switch that names it. */
  private static final Path SUBNET_LOCK =
      (Files.isDirectory(Path.of("/run/lock"))
              ? Path.of("/run/lock")
              : Path.of(System.getProperty("java.io.tmpdir")))
          .resolve("dawn-emulated-networks.lock");

  private static final String BRIDGE = "br0";
  private static final String WORKER_DEVICE = "eth0";

  private final NamedNamespace hub;
  private final List<NamedNamespace> workers;
  private final List<String> hosts;
  private final long bitsPerSecond;

  private EmulatedNetwork(
      NamedNamespace hub, List<NamedNamespace> workers, List<String> hosts, long bitsPerSecond) {
    this.hub = hub;
    this.workers = List.copyOf(workers);
    this.hosts = List.copyOf(hosts);
    this.bitsPerSecond = bitsPerSecond;
  }

  /**
   * Makes the network: a switch and {@code workers} namespaces linked to it at {@code
   * bitsPerSecond}.
   *
   * @throws NamespaceException naming the step that failed (not root, no {@code tc}, no {@code tbf}
   *     in the kernel, ...); whatever was made before it is removed
   */
  public static EmulatedNetwork open(int workers, long bitsPerSecond) throws NamespaceException {
    if (workers < 1 || workers > 250)
      throw new IllegalArgumentException("1 to 250 workers, got " + workers);
    TokenBucket cap = new TokenBucket(bitsPerSecond);
    PrivateNetwork.requireLinux();
    if (!PrivateNetwork.runsAsRoot()) {
      throw new NamespaceException(
          "an emulated network (a namespace per worker, veth links, tc rate caps) needs root;"
              + " this process runs as another user");
    }
    NetTool ip = NetTool.IP;
    NamedNamespace hub = claimSubnet(ip);
    String name = hub.name();
    int subnet = subnetOf(name);
    List<NamedNamespace> made = new ArrayList<>();
    try {
      ip.run("-n", hub.name(), "link", "add", BRIDGE, "type", "bridge");
      ip.run("-n", hub.name(), "link", "set", BRIDGE, "up");
      List<String> hosts = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        NamedNamespace worker = NamedNamespace.create(ip, name + "-w" + i);
        made.add(worker);
        String port = "w" + i;
        String host = PREFIX + subnet + "." + (i + 1);
        ip.run(
            "-n",
            hub.name(),
            "link",
            "add",
            port,
            "type",
            "veth",
            "peer",
            "name",
            WORKER_DEVICE,
            "netns",
            worker.name());
        ip.run("-n", hub.name(), "link", "set", port, "master", BRIDGE);
        ip.run("-n", hub.name(), "link", "set", port, "up");
        ip.run("-n", worker.name(), "addr", "add", host + "/24", "dev", WORKER_DEVICE);
        ip.run("-n", worker.name(), "link", "set", WORKER_DEVICE, "up");
        tc(worker.name(), cap.tcArguments(WORKER_DEVICE));
        tc(hub.name(), cap.tcArguments(port));
        hosts.add(host);
      }
      return new EmulatedNetwork(hub, made, hosts, bitsPerSecond);
    } catch (NamespaceException | RuntimeException e) {
      made.forEach(NamedNamespace::close);
      hub.close();
      throw e;
    }
  }

  /**
   * Makes the switch's namespace, named after the lowest free subnet, under {@link #SUBNET_LOCK}: a
   * launch that looks next sees the subnet taken.
   */
  private static synchronized NamedNamespace claimSubnet(NetTool ip) throws NamespaceException {
    try (FileChannel channel =
            FileChannel.open(SUBNET_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      NamedNamespace.reapStale(ip);
      int subnet = freeSubnet(ip.run("netns", "list"));
      return NamedNamespace.create(ip, NamedNamespace.newName() + "-net" + subnet);
    } catch (IOException e) {
      throw new NamespaceException(
          "cannot lock " + SUBNET_LOCK + " to pick a free subnet: " + e.getMessage());
    }
  }

  private static int subnetOf(String switchName) {
    Matcher m = SUBNET_IN_NAME.matcher(switchName);
    if (!m.matches()) throw new IllegalStateException("not a dawn network name: " + switchName);
    return Integer.parseInt(m.group(1));
  }

  private static void tc(String namespace, List<String> arguments) throws NamespaceException {
    List<String> args = new ArrayList<>(List.of("-n", namespace));
    args.addAll(arguments);
    NetTool.TC.run(args.toArray(String[]::new));
  }

  /**
   * The lowest third address byte no dawn network in {@code ip netns list} holds.
   *
   * @throws NamespaceException when all 256 are taken
   */
  static int freeSubnet(String netnsList) throws NamespaceException {
    Set<Integer> taken = new TreeSet<>();
    for (String line : netnsList.lines().toList()) {
      Matcher m = SUBNET_IN_NAME.matcher(line.strip().split("\\s+")[0]);
      if (m.matches()) taken.add(Integer.parseInt(m.group(1)));
    }
    for (int k = 0; k < 256; k++) if (!taken.contains(k)) return k;
    throw new NamespaceException(
        "every subnet " + PREFIX + "0-255.0/24 is taken by a running dawn network");
  }

  /** Each worker's address, task 0 first. */
  public List<String> hosts() {
    return hosts;
  }

  /** The namespace worker {@code task} runs in. */
  public NetworkNamespace worker(int task) {
    return workers.get(task);
  }

  /** The switch's namespace (its name is the network's). */
  public String name() {
    return hub.name();
  }

  public long bitsPerSecond() {
    return bitsPerSecond;
  }

  /** Removes the workers' namespaces, then the switch's; idempotent, never throws. */
  @Override
  public void close() {
    workers.forEach(NamedNamespace::close);
    hub.close();
  }
}
