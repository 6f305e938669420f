package dev.dawn.harness.cli;

import dev.dawn.harness.cluster.exposure.ServerExposure;
import dev.dawn.harness.cluster.netns.NamespaceException;
import dev.dawn.harness.cluster.netns.NetworkNamespace;
import dev.dawn.harness.cluster.netns.PrivateNetwork;

/**
 * Where the workers of a launch on one machine run: a private network namespace, or - only when the
 * user says the ports may be exposed - this machine's own network. Where no namespace can be made,
 * the refusal says why and what {@code --expose-ports} would mean, in one line.
 */
final class WorkerIsolation {
  /** The flag that runs workers without a namespace. */
  static final String EXPOSE_PORTS = "--expose-ports";

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
}
