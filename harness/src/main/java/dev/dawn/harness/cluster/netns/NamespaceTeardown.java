package dev.dawn.harness.cluster.netns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The namespaces this JVM holds open, closed by one shutdown hook if the JVM ends before they are
 * closed (Ctrl-C, SIGTERM, {@code System.exit} while a launch runs). A normal or failed launch
 * closes its namespace itself; {@code kill -9} runs no hook, and {@link NamedNamespace#reapStale}
 * or the holder's closed pipe ({@link UserNamespace}) clean up after it.
 */
final class NamespaceTeardown {
  private static final Set<NetworkNamespace> OPEN = new LinkedHashSet<>();
  private static boolean hooked;

  private NamespaceTeardown() {}

  /** Keeps {@code ns} on the list to close at JVM exit until it is closed ({@link #closing}). */
  static synchronized void opened(NetworkNamespace ns) {
    if (!hooked) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(NamespaceTeardown::closeAll, "dawn-namespace-teardown"));
      hooked = true;
    }
    OPEN.add(ns);
  }

  /**
   * Takes {@code ns} off the list as it is closed; true only the first time, so a namespace is torn
   * down once whoever closes it (its owner, or the hook).
   */
  static synchronized boolean closing(NetworkNamespace ns) {
    return OPEN.remove(ns);
  }

  private static void closeAll() {
    List<NetworkNamespace> left;
    synchronized (NamespaceTeardown.class) {
      left = new ArrayList<>(OPEN);
    }
    for (NetworkNamespace ns : left) ns.close();
  }
}
