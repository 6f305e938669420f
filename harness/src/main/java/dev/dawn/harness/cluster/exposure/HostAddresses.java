package dev.dawn.harness.cluster.exposure;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every address of this host's network interfaces, up or down (an interface brought up during a run
 * exposes a server listening on all addresses just the same). In a private network namespace that
 * is loopback alone.
 */
public final class HostAddresses {
  private HostAddresses() {}

  public static List<ReachableAddress> list() {
    List<ReachableAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (var address : Collections.list(nif.getInetAddresses())) {
          out.add(ReachableAddress.of(address, nif.getName()));
        }
      }
    } catch (SocketException e) {
      throw new IllegalStateException("cannot list this host's network interfaces", e);
    }
    return out;
  }
}
