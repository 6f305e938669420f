package dev.dawn.harness.cluster.netns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For tests that need a private network namespace: one, or the test is skipped with the reason none
 * can be made here (not Linux, not root and no unprivileged user namespaces). CI runs as root.
 */
public final class NamespacesOrSkip {
  private NamespacesOrSkip() {}

  /** A new namespace; the caller closes it. */
  public static NetworkNamespace open() {
    try {
      return PrivateNetwork.open();
    } catch (NamespaceException e) {
      assumeTrue(
          false, "skipped: no private network namespace can be made here: " + e.getMessage());
      throw new AssertionError(e); // not reached: the assumption aborts the test
    }
  }

  /** Skips the test unless a namespace can be made (one is made and removed to find out). */
  public static void assumeAvailable() {
    open().close();
  }
}
