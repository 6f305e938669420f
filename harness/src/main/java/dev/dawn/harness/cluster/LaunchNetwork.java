package dev.dawn.harness.cluster;

import dev.dawn.harness.cluster.netns.EmulatedNetwork;
import dev.dawn.harness.cluster.netns.NetworkNamespace;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Where the workers of one launch on one machine run and the addresses at which they reach each
 * other: this machine's own network (ports exposed), one private namespace shared by all (loopback
 * between them), or an emulated network of one namespace per worker on rate-capped links. Closing
 * it removes whatever it made.
 *
 * @param workers every task's {@code host:port}, task 0 first (what TF_CONFIG names)
 * @param placement turns worker {@code task}'s command line into the one that starts it where it
 *     runs
 * @param statement one line saying where the workers run and who can reach them
 * @param teardown removes the namespaces; a no-op on this machine's own network
 */
public record LaunchNetwork(
    List<String> workers,
    BiFunction<Integer, List<String>, List<String>> placement,
    String statement,
    Runnable teardown)
    implements AutoCloseable {

  /**
   * The port of every worker's server on an emulated network: each worker has a network stack of
   * its own, so all can use the same one.
   */
  public static final int EMULATED_PORT = 2222;

  public LaunchNetwork {
    workers = List.copyOf(workers);
  }

  /** The workers on this machine's own network, at free loopback ports. */
  public static LaunchNetwork exposed(int workers, String statement) throws IOException {
    return new LaunchNetwork(
        LocalCluster.loopbackWorkers(workers), (task, command) -> command, statement, () -> {});
  }

  /** All workers in {@code namespace}, at loopback ports. */
  public static LaunchNetwork shared(int workers, NetworkNamespace namespace) throws IOException {
    return new LaunchNetwork(
        LocalCluster.loopbackWorkers(workers),
        (task, command) -> namespace.enter(command),
        "workers run in private network namespace "
            + namespace.name()
            + " (loopback alone): no other host and no process outside this launch can reach "
            + "their ports",
        namespace::close);
  }

  /** Worker i in its own namespace of {@code network}, at its own address. */
  public static LaunchNetwork emulated(EmulatedNetwork network, String rate) {
    List<String> hosts = network.hosts();
    return new LaunchNetwork(
        hosts.stream().map(h -> h + ":" + EMULATED_PORT).toList(),
        (task, command) -> network.worker(task).enter(command),
        "workers run on an emulated network "
            + network.name()
            + ": each in a namespace of its own ("
            + String.join(", ", hosts)
            + "), linked through a switch at "
            + rate
            + " each way (tc tbf; no added latency); no process outside this launch can reach "
            + "their ports",
        network::close);
  }

  /** The command line that starts worker {@code task} where it runs. */
  public List<String> enter(int task, List<String> command) {
    return placement.apply(task, command);
  }

  @Override
  public void close() {
    teardown.run();
  }
}
