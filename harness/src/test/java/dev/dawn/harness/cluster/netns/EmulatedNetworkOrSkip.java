package dev.dawn.harness.cluster.netns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For tests that need an emulated network (a namespace per worker, veth links, tc rate caps): the
 * test is skipped with the reason where none can be made here (not root, no tc, no tbf in the
 * kernel). CI runs as root.
 */
public final class EmulatedNetworkOrSkip {
  private EmulatedNetworkOrSkip() {}

  /** Skips the test unless an emulated network can be made (one is made and removed). */
  public static void assumeAvailable() {
    try {
      EmulatedNetwork.open(1, 100_000_000L).close();
    } catch (NamespaceException e) {
      assumeTrue(false, "skipped: no emulated network can be made here: " + e.getMessage());
    }
  }
}
