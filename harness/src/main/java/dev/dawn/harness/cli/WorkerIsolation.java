package dev.dawn.harness.cli;

import dev.dawn.harness.cluster.LaunchNetwork;
import dev.dawn.harness.cluster.exposure.ServerExposure;
import dev.dawn.harness.cluster.netns.EmulatedNetwork;
import dev.dawn.harness.cluster.netns.NamespaceException;
import dev.dawn.harness.cluster.netns.NetworkNamespace;
import dev.dawn.harness.cluster.netns.PrivateNetwork;
import dev.dawn.harness.config.WorkerLink;
import java.io.IOException;

/**
 * Where the workers of a launch on one machine run: a private network namespace, an emulated
 * network of one namespace per worker ({@code distributed.network} a rate), or - only when the user
 * says the ports may be exposed - this machine's own network. Where the namespaces cannot be made,
 * the refusal says why (and, for a private namespace, what {@code --expose-ports} would mean), in
 * one line.
 */
final class WorkerIsolation {
  /** The flag that runs workers without a namespace. */
  static final String EXPOSE_PORTS = "--expose-ports";

  /** The flag that sets {@code distributed.network} for a launch. */
  static final String NETWORK = "--network";

  private WorkerIsolation() {}

  /**
   * A new private network namespace.
   *
   * @throws BadInputException when none can be made, naming why
   */
  static NetworkNamespace privateNetwork() {
    try {
      return PrivateNetwork.open();
    } catch (NamespaceException e) {
      throw new BadInputException(
          "cannot make a private network namespace for the workers ("
              + e.getMessage()
              + "); without one their ports are open at every address of this machine and "
              + ServerExposure.RISK
              + ": pass "
              + EXPOSE_PORTS
              + " to start them anyway");
    }
  }

  /**
   * The network of a launch of {@code workers} on {@code link}: loopback in one private namespace,
   * or an emulated network of one namespace per worker.
   *
   * @throws BadInputException when the namespaces, links or rate caps cannot be made, naming why
   */
  static LaunchNetwork isolated(int workers, WorkerLink link) throws IOException {
    if (link.isLoopback()) return LaunchNetwork.shared(workers, privateNetwork());
    return LaunchNetwork.emulated(emulatedNetwork(workers, link), link.toString());
  }

  /**
   * An emulated network for {@code workers} at {@code link}'s rate.
   *
   * @throws BadInputException when it cannot be made, naming the step that failed
   */
  static EmulatedNetwork emulatedNetwork(int workers, WorkerLink link) {
    try {
      return EmulatedNetwork.open(workers, link.bitsPerSecond());
    } catch (NamespaceException e) {
      throw new BadInputException(
          "distributed.network "
              + link
              + ": cannot make the emulated network ("
              + e.getMessage()
              + "); 'loopback' runs the workers in one private namespace instead");
    }
  }

  /**
   * {@code --expose-ports} runs the workers on this machine's own network, which has no rate cap:
   * refused with an emulated network, which needs namespaces.
   */
  static void refuseExposedEmulation(WorkerLink link) {
    if (!link.isLoopback()) {
      throw new BadInputException(
          EXPOSE_PORTS
              + " runs the workers on this machine's own network, without a rate cap; distributed.network "
              + link
              + " needs a namespace per worker: drop one of them");
    }
  }
}
