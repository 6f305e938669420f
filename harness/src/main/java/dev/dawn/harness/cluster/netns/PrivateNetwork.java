package dev.dawn.harness.cluster.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a private network namespace for processes that must reach only each other: as root a named
 * namespace ({@code ip netns}), otherwise one inside an unprivileged user namespace ({@code
 * unshare}); where neither can be made (not Linux, no iproute2, user namespaces disabled, a
 * container without the capability) it says why in one line. Every namespace it hands out is torn
 * down when closed, and at JVM exit if it was not ({@link NamespaceTeardown}).
 */
public final class PrivateNetwork {
  private PrivateNetwork() {}

  /**
   * A new namespace with loopback alone, up.
   *
   * @throws NamespaceException naming why none could be made (every way tried)
   */
  public static NetworkNamespace open() throws NamespaceException {
    requireLinux();
    String asRoot = null;
    if (runsAsRoot()) {
      NamedNamespace.reapStale(NetTool.IP);
      try {
        return NamedNamespace.create(NetTool.IP);
      } catch (NamespaceException e) {
        asRoot = e.getMessage();
      }
    }
    try {
      return UserNamespace.create();
    } catch (NamespaceException e) {
      throw new NamespaceException(
          asRoot == null ? e.getMessage() : asRoot + "; then " + e.getMessage());
    }
  }

  /** Network namespaces are a Linux feature: elsewhere, one line says so. */
  static void requireLinux() throws NamespaceException {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      throw new NamespaceException(
          "network namespaces are a Linux feature; this is " + System.getProperty("os.name"));
    }
  }

  /**
   * A namespace made in the unprivileged way even as root, so that both ways can be tested on one
   * machine.
   */
  static NetworkNamespace openWithoutRoot() throws NamespaceException {
    return UserNamespace.create();
  }

  /** The effective user id is 0 (Linux: {@code /proc/self/status}). */
  static boolean runsAsRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0");
      }
    } catch (IOException | RuntimeException notLinux) {
      // no /proc: not root as far as namespaces go
    }
    return false;
  }
}
