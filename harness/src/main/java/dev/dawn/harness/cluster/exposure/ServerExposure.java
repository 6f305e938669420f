package dev.dawn.harness.cluster.exposure;

import dev.dawn.workloads.distributed.Cluster;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who can reach a worker's TensorFlow server, stated before it starts. TensorFlow's {@code
 * ServerDef} has no bind address, so the server listens on its port at every address of the host,
 * whatever the worker list says; and it runs any op for any client that connects (there is no
 * authentication), so reaching the port is running code as the worker's user. A public address - on
 * this host's interfaces or in the worker list - is refused unless the config allows it.
 *
 * @param ports the servers' ports on this host (a worker's own; every worker's for a launch on one
 *     machine)
 * @param onHost every address of this host: the server answers on each
 * @param listed the worker list's addresses, resolved (task order; unresolvable hosts left out)
 * @param unresolved worker list entries whose host does not resolve (yet: a pod's DNS name may
 *     appear only once the pod runs)
 */
public record ServerExposure(
    List<Integer> ports,
    List<ReachableAddress> onHost,
    List<ReachableAddress> listed,
    List<String> unresolved) {

  /** What reaching a worker's port allows, said wherever the exposure is. */
  public static final String RISK =
      "TensorFlow's gRPC server runs any op for anyone who reaches it (reading and writing files as"
          + " this user)";

  /** The config key that allows public addresses. */
  public static final String ALLOW_KEY = "distributed.allowPublicAddresses";

  /** The exposure of {@code cluster}'s own task (its port) on this host. */
  public static ServerExposure of(Cluster cluster) {
    return of(cluster, List.of(cluster.port(cluster.taskIndex())));
  }

  /** The exposure of every task of {@code cluster}, all run on this host ({@code dawn launch}). */
  public static ServerExposure ofEveryTask(Cluster cluster) {
    List<Integer> ports = new ArrayList<>();
    for (int task = 0; task < cluster.workers().size(); task++) ports.add(cluster.port(task));
    return of(cluster, ports);
  }

  private static ServerExposure of(Cluster cluster, List<Integer> ports) {
    List<ReachableAddress> listed = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (int task = 0; task < cluster.workers().size(); task++) {
      try {
        for (InetAddress a : InetAddress.getAllByName(cluster.host(task)))
          listed.add(ReachableAddress.of(a, cluster.address(task)));
      } catch (UnknownHostException | SecurityException e) {
        unresolved.add(cluster.address(task));
      }
    }
    return new ServerExposure(List.copyOf(ports), HostAddresses.list(), listed, unresolved);
  }

  /**
   * One line: e.g. {@code worker task 0's server will answer on port 2222 at every address of this
   * host: 127.0.0.1 (lo, loopback), 10.0.0.5 (eth0, private); TensorFlow's gRPC server runs ...}.
   */
  public String statement(String who) {
    return who
        + " will answer on "
        + portWords()
        + " at every address of this host: "
        + String.join(", ", onHost.stream().map(ReachableAddress::toString).toList())
        + "; "
        + RISK;
  }

  /** The public addresses among those of this host and of the worker list. */
  public List<ReachableAddress> publicAddresses() {
    List<ReachableAddress> out = new ArrayList<>();
    for (ReachableAddress a : onHost) if (a.scope() == AddressScope.PUBLIC) out.add(a);
    for (ReachableAddress a : listed) if (a.scope() == AddressScope.PUBLIC) out.add(a);
    return out;
  }

  /**
   * Why the server must not start, in one line, or empty when no address is public or the config
   * allows public ones.
   *
   * @param who e.g. {@code worker task 1's server}
   * @param allowed the config's {@link #ALLOW_KEY}
   */
  public Optional<String> refusal(String who, boolean allowed) {
    List<ReachableAddress> exposed = publicAddresses();
    if (allowed || exposed.isEmpty()) return Optional.empty();
    return Optional.of(
        who
            + " would be reachable on public address"
            + (exposed.size() == 1 ? " " : "es ")
            + String.join(", ", exposed.stream().map(ReachableAddress::toString).toList())
            + ", and "
            + RISK
            + ": run the workers on a private network, or set "
            + ALLOW_KEY
            + ": true once a firewall admits only the cluster's addresses to "
            + portWords()
            + " (docs/workers.md: Who can reach a worker)");
  }

  private String portWords() {
    return (ports.size() == 1 ? "port " : "ports ")
        + String.join(", ", ports.stream().map(String::valueOf).toList());
  }

  /** For environment.json: where the server could be reached and what was refused or allowed. */
  public Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("ports", ports);
    env.put("hostAddresses", onHost.stream().map(ReachableAddress::environment).toList());
    env.put("workerAddresses", listed.stream().map(ReachableAddress::environment).toList());
    if (!unresolved.isEmpty()) env.put("unresolvedWorkers", unresolved);
    return env;
  }
}
