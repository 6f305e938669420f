package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cluster.exposure.AddressScope;
import dev.dawn.harness.cluster.exposure.HostAddresses;
import dev.dawn.harness.cluster.exposure.ReachableAddress;
import dev.dawn.harness.cluster.netns.EmulatedNetworkOrSkip;
import dev.dawn.harness.cluster.netns.NamespacesOrSkip;
import dev.dawn.harness.run.ChildJvm;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dawn launch} puts its workers where only they reach each other: a client on this machine
 * that can run ops on an exposed worker (the control, {@code --expose-ports}) can neither connect
 * to nor run an op on the workers of a normal launch, through loopback or the host's own address;
 * from inside the launch's namespace the same client can. The namespace goes with the launch
 * (normal end, SIGTERM), two launches run side by side, and where no namespace can be made the
 * launch refuses in one line. The same holds for an emulated network ({@code --network RATE}): each
 * worker at its own address, reachable from the other workers' namespaces alone, everything gone
 * after SIGTERM or the end of the run, two side by side on their own subnets, and a network that
 * cannot be made (no {@code tc}) or makes no sense ({@code --expose-ports}) refused in one line.
 */
class LaunchIsolationTest {
  private static final Pattern PORTS =
      Pattern.compile("launching 2 workers on 127\\.0\\.0\\.1:(\\d+), 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern NAMESPACE =
      Pattern.compile("private network namespace (dawn-\\d+-\\d+|held by process \\d+)");
  private static final Pattern EMULATED =
      Pattern.compile(
          "launching 2 workers on (10\\.231\\.\\d+\\.1):2222, (10\\.231\\.\\d+\\.2):2222");
  private static final Pattern NETWORK =
      Pattern.compile("emulated network (dawn-\\d+-\\d+-net\\d+)");

  @TempDir Path dir;

  @Test
  void aForeignClientNeitherConnectsToNorRunsOpsOnTheWorkersOfALaunch() throws Exception {
    NamespacesOrSkip.assumeAvailable();
    Path secret = Files.writeString(dir.resolve("secret.txt"), "the-launch-secret");
    Path written = dir.resolve("written-by-a-foreign-client.txt");
    Path results = dir.resolve("results");
    Path log = dir.resolve("launch.log");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process launch =
          processes.start(
              launchArgs(TinyTrainingConfig.writeEndless(dir, "isolated", ""), results),
              Map.of(),
              log);
      String out = awaitJoined(launch, log);
      List<Integer> ports = ports(out);
      String namespace = match(NAMESPACE, out);

      List<String> targets = new ArrayList<>();
      for (String host : outsideHosts()) {
        for (int port : ports) {
          targets.add("grpc://" + host + ":" + port);
          assertThat(accepts(host, port)).as(host + ":" + port + " from outside").isFalse();
        }
      }
      List<String> outside = foreignClient(List.of(), secret, written, targets);
      assertThat(outside).as(String.join("\n", outside)).hasSize(targets.size());
      assertThat(outside).allSatisfy(line -> assertThat(line).startsWith("REFUSED "));
      assertThat(written).as("no op ran").doesNotExist();

      // The control: the same client, inside the launch's namespace, runs both ops.
      assertThat(launch.isAlive()).as(Files.readString(log)).isTrue();
      List<String> inside =
          foreignClient(
              enter(namespace), secret, written, List.of("grpc://127.0.0.1:" + ports.get(0)));
      assertThat(inside)
          .singleElement()
          .asString()
          .startsWith("RAN ")
          .endsWith("the-launch-secret");
      assertThat(written).hasContent("foreign");

      stopWithSigterm(launch, log);
      assertThat(namespaceExists(namespace)).as(namespace + " after SIGTERM").isFalse();
      Path run = onlyRun(results);
      assertThat(RunStop.KIND.in(EventLogReader.read(run.resolve(RunFolder.EVENTS))))
          .singleElement()
          .satisfies(stop -> assertThat(stop.status()).isEqualTo("killed"));
    }
  }

  @Test
  void withExposePortsTheSameClientRunsOpsAndTheLaunchSaysWhereThePortsAreOpen() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "the-exposed-secret");
    Path written = dir.resolve("written-by-a-foreign-client.txt");
    Path log = dir.resolve("launch.log");
    // a host with a public interface would be refused (tested elsewhere); this test is the attack
    List<String> args =
        endlessLaunch(
            "exposed", "--expose-ports", "--set", "distributed.allowPublicAddresses=true");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process launch = processes.start(args, Map.of(), log);
      String out = awaitJoined(launch, log);
      List<Integer> ports = ports(out);
      assertThat(out)
          .contains(
              "--expose-ports: the workers' servers will answer on ports "
                  + ports.get(0)
                  + ", "
                  + ports.get(1)
                  + " at every address of this host: ")
          .contains("127.0.0.1 (lo, loopback)")
          .doesNotContain("private network namespace");
      List<String> outside =
          foreignClient(List.of(), secret, written, List.of("grpc://127.0.0.1:" + ports.get(0)));
      assertThat(outside)
          .singleElement()
          .asString()
          .startsWith("RAN ")
          .endsWith("the-exposed-secret");
      assertThat(written).hasContent("foreign");
      launch.destroy();
      WorkerProcesses.exitWithin(launch, 120);
    }
  }

  @Test
  void whereNoNamespaceCanBeMadeTheLaunchRefusesInOneLine() throws Exception {
    Path emptyPath = Files.createDirectories(dir.resolve("no-tools"));
    Path results = dir.resolve("results");
    Path log = dir.resolve("launch.log");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process launch =
          processes.start(
              launchArgs(TinyTrainingConfig.write(dir, "refused"), results),
              Map.of("PATH", emptyPath.toString()),
              log);
      assertThat(WorkerProcesses.exitWithin(launch, 120)).as(Files.readString(log)).isEqualTo(2);
    }
    assertThat(Files.readString(log).strip())
        .startsWith("dawn launch: cannot make a private network namespace for the workers (")
        .contains("pass --expose-ports to start them anyway")
        .doesNotContain("\n");
    assertThat(results.resolve("runs")).doesNotExist();
  }

  @Test
  void twoLaunchesSideBySideEachGetTheirOwnNamespaceAndLeaveNone() throws Exception {
    NamespacesOrSkip.assumeAvailable();
    List<String> namespaces = new ArrayList<>();
    for (Launched l : twoSideBySide(List.of())) {
      namespaces.add(match(NAMESPACE, l.out()));
      assertThat(onlyRun(l.results()).resolve("metrics.csv")).exists();
    }
    assertThat(namespaces.get(0)).isNotEqualTo(namespaces.get(1));
    for (String ns : namespaces) assertThat(namespaceExists(ns)).as(ns).isFalse();
  }

  @Test
  void onAnEmulatedNetworkEachWorkerHasItsOwnAddressThatOnlyTheOtherWorkersReach()
      throws Exception {
    EmulatedNetworkOrSkip.assumeAvailable();
    Path secret = Files.writeString(dir.resolve("secret.txt"), "the-emulated-secret");
    Path written = dir.resolve("written-by-a-foreign-client.txt");
    Path log = dir.resolve("launch.log");
    List<String> args = endlessLaunch("emulated", "--network", "200mbit");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process launch = processes.start(args, Map.of(), log);
      String out = awaitJoined(launch, log);
      Matcher hosts = EMULATED.matcher(out);
      assertThat(hosts.find()).as(out).isTrue();
      String network = match(NETWORK, out);
      assertThat(out).contains("linked through a switch at 200mbit each way");

      List<String> targets = new ArrayList<>();
      for (String host : List.of(hosts.group(1), hosts.group(2), "127.0.0.1")) {
        targets.add("grpc://" + host + ":2222");
      }
      List<String> outside = foreignClient(List.of(), secret, written, targets);
      assertThat(outside).allSatisfy(line -> assertThat(line).startsWith("REFUSED "));
      assertThat(written).as("no op ran").doesNotExist();

      // The control: from worker 1's namespace, worker 0's address runs both ops.
      List<String> fromWorker1 =
          foreignClient(
              enter(network + "-w1"),
              secret,
              written,
              List.of("grpc://" + hosts.group(1) + ":2222"));
      assertThat(fromWorker1).singleElement().asString().endsWith("the-emulated-secret");
      assertThat(written).hasContent("foreign");

      stopWithSigterm(launch, log);
      assertThat(namespacesOf(network)).as(network + " after SIGTERM").isEmpty();
    }
  }

  @Test
  void twoEmulatedLaunchesSideBySideTrainOnTheirOwnSubnetsAndLeaveNothing() throws Exception {
    EmulatedNetworkOrSkip.assumeAvailable();
    List<String> networks = new ArrayList<>();
    List<String> subnets = new ArrayList<>();
    for (Launched l : twoSideBySide(List.of("--network", "1gbit"))) {
      networks.add(match(NETWORK, l.out()));
      subnets.add(match(EMULATED, l.out()).replaceAll("\\.1$", ""));
      Path run = onlyRun(l.results());
      assertThat(Files.readString(run.resolve("config.yaml"))).contains("network: \"1gbit\"");
      assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(1))
          .as("compute and exposed communication measured")
          .doesNotEndWith(",,");
    }
    assertThat(networks.get(0)).isNotEqualTo(networks.get(1));
    assertThat(subnets.get(0)).isNotEqualTo(subnets.get(1));
    for (String n : networks) assertThat(namespacesOf(n)).as(n).isEmpty();
  }

  @Test
  void anEmulatedNetworkThatCannotBeMadeOrMakesNoSenseIsRefusedInOneLine() throws Exception {
    EmulatedNetworkOrSkip.assumeAvailable();
    // ip alone on the PATH: the namespaces can be made, the rate caps cannot.
    Path ipOnly = Files.createDirectories(dir.resolve("ip-only"));
    Path ip =
        Files.writeString(ipOnly.resolve("ip"), "#!/bin/sh\nexec " + which("ip") + " \"$@\"\n");
    assertThat(ip.toFile().setExecutable(true)).isTrue();
    Map<List<String>, Map<String, String>> cases = new java.util.LinkedHashMap<>();
    cases.put(List.of("--network", "100mbit"), Map.of("PATH", ipOnly.toString()));
    cases.put(List.of("--network", "100mbps"), Map.of());
    cases.put(List.of("--network", "100mbit", "--expose-ports"), Map.of());
    List<String> lines = new ArrayList<>();
    for (var c : cases.entrySet()) {
      Path results = dir.resolve("results");
      Path log = dir.resolve("launch-" + lines.size() + ".log");
      List<String> args =
          new ArrayList<>(launchArgs(TinyTrainingConfig.write(dir, "refused"), results));
      args.addAll(c.getKey());
      try (WorkerProcesses processes = new WorkerProcesses()) {
        Process launch = processes.start(args, c.getValue(), log);
        assertThat(WorkerProcesses.exitWithin(launch, 120)).as(Files.readString(log)).isEqualTo(2);
      }
      String out = Files.readString(log).strip();
      assertThat(out)
          .as(String.join(" ", c.getKey()))
          .doesNotContain("\n")
          .startsWith("dawn launch: ");
      assertThat(results.resolve("runs")).doesNotExist();
      lines.add(out);
    }
    assertThat(lines.get(0))
        .contains("distributed.network 100mbit: cannot make the emulated network (tc ")
        .contains("cannot run tc");
    assertThat(lines.get(1)).contains("--network 100mbps: must be 'loopback' or a rate");
    assertThat(lines.get(2))
        .contains("--expose-ports runs the workers on this machine's own network");
    assertThat(namespacesOf("dawn-")).as("nothing left behind").noneMatch(n -> n.contains("-net"));
  }

  /** SIGTERM to the launch: it ends with 143, and so does every worker it started. */
  private static void stopWithSigterm(Process launch, Path log) throws Exception {
    List<ProcessHandle> workers = launch.descendants().toList();
    launch.destroy();
    assertThat(WorkerProcesses.exitWithin(launch, 120)).as(Files.readString(log)).isEqualTo(143);
    for (ProcessHandle w : workers) w.onExit().get(120, TimeUnit.SECONDS);
  }

  /** A launch's output and its results folder. */
  private record Launched(String out, Path results) {}

  /**
   * Two launches of the tiny config started together, each with {@code extra} arguments, both run
   * to their end: they train both epochs (exit 3, as 100% is never reached).
   */
  private List<Launched> twoSideBySide(List<String> extra) throws Exception {
    List<Path> logs = new ArrayList<>();
    List<Path> results = new ArrayList<>();
    List<Launched> out = new ArrayList<>();
    try (WorkerProcesses processes = new WorkerProcesses()) {
      List<Process> launches = new ArrayList<>();
      for (String name : List.of("left", "right")) {
        Path own = Files.createDirectories(dir.resolve(name));
        results.add(own.resolve("results"));
        logs.add(own.resolve("launch.log"));
        List<String> args =
            new ArrayList<>(
                launchArgs(TinyTrainingConfig.write(own, name), results.get(results.size() - 1)));
        args.addAll(extra);
        launches.add(processes.start(args, Map.of(), logs.get(logs.size() - 1)));
      }
      for (int i = 0; i < 2; i++) {
        int exit = WorkerProcesses.exitWithin(launches.get(i), 600);
        String log = Files.readString(logs.get(i));
        assertThat(exit).as(log).isEqualTo(3);
        out.add(new Launched(log, results.get(i)));
      }
    }
    return out;
  }

  /** A launch of 2 workers training until stopped, with {@code extra} arguments. */
  private List<String> endlessLaunch(String name, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            launchArgs(TinyTrainingConfig.writeEndless(dir, name, ""), dir.resolve("results")));
    args.addAll(List.of(extra));
    return args;
  }

  private static List<String> launchArgs(Path config, Path results) {
    return List.of(
        "launch", "--workers", "2", "--config", config.toString(), "--results", results.toString());
  }

  private static String awaitJoined(Process launch, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      String out = Files.readString(log);
      if (out.contains("all 2 workers joined")) return out;
      assertThat(launch.isAlive()).as(out).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("workers did not join within 4 minutes:\n" + Files.readString(log));
  }

  private static List<Integer> ports(String out) {
    Matcher m = PORTS.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static String match(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  /** Loopback and this host's own IPv4 addresses (another host would reach one of those). */
  private static List<String> outsideHosts() {
    List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));
    for (ReachableAddress a : HostAddresses.list()) {
      if (a.address() instanceof Inet4Address
          && a.scope() != AddressScope.LOOPBACK
          && a.scope() != AddressScope.LINK_LOCAL) hosts.add(a.text());
    }
    return hosts;
  }

  private static boolean accepts(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The command prefix that runs a process inside the launch's namespace. */
  private static List<String> enter(String namespace) {
    if (namespace.startsWith("dawn-")) return List.of("ip", "netns", "exec", namespace);
    String pid = namespace.substring(namespace.lastIndexOf(' ') + 1);
    return List.of("nsenter", "--target", pid, "--user", "--net", "--preserve-credentials", "--");
  }

  /** The named namespaces in {@code ip netns list} that start with {@code prefix}. */
  private static List<String> namespacesOf(String prefix) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
    String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return list.lines()
        .map(l -> l.strip().split("\\s+")[0])
        .filter(n -> n.startsWith(prefix))
        .toList();
  }

  private static String which(String tool) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
    String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as(tool + " on PATH")
        .isTrue();
    return path;
  }

  private static boolean namespaceExists(String namespace) throws Exception {
    if (!namespace.startsWith("dawn-")) {
      long pid = Long.parseLong(namespace.substring(namespace.lastIndexOf(' ') + 1));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    return namespacesOf(namespace).contains(namespace);
  }

  private List<String> foreignClient(
      List<String> prefix, Path read, Path write, List<String> targets) throws Exception {
    List<String> args = new ArrayList<>(List.of(read.toString(), write.toString()));
    args.addAll(targets);
    List<String> command = new ArrayList<>(prefix);
    command.addAll(ChildJvm.command(ForeignClient.class.getName(), args));
    Path out = Files.createTempFile(dir, "client", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("foreign client ends").isTrue();
    } finally {
      p.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(out);
    List<String> answers =
        lines.stream().filter(l -> l.startsWith("RAN ") || l.startsWith("REFUSED ")).toList();
    assertThat(answers).as(String.join("\n", lines)).hasSize(targets.size());
    return answers;
  }

  private static Path onlyRun(Path results) throws IOException {
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      List<Path> runs = s.filter(p -> Files.exists(p.resolve(RunFolder.EVENTS))).toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }
}
